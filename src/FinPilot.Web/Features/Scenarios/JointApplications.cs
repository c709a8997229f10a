using FinPilot.Domain.Applications;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>An open call of the match's region that a joint application may answer.</summary>
public sealed record OpenCall(Guid Id, string Title);

/// <summary>What the match page offers about a joint application: the lead, the open calls, the draft once made.</summary>
public sealed record JointApplicationView(Guid? LeadOrganisationId, bool CallerIsLead, IReadOnlyList<OpenCall> OpenCalls, Guid? ProjectId);

/// <summary>
/// From a match to a joint application (联合申报): the lead — the licensed institution among the two
/// organisations, the scenario's publisher first — starts a draft for an open call of the match's
/// region through the Applications module's own commands (start, then save the draft), pre-filled
/// with the partner, the scenario's area and technologies, the problem (the pain point) and the
/// proposed solution (the capability). The draft belongs to the lead; the match remembers it.
/// </summary>
public sealed class JointApplications(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ApplicationService applications, TimeProvider clock)
{
    public const int MaxCalls = 50;

    /// <summary>The application's reference codes for the module's areas and technologies (those with none go to "other").</summary>
    private static readonly Dictionary<BusinessArea, string> AreaCodes = new()
    {
        [BusinessArea.Operations] = "operations",
        [BusinessArea.InvestmentAdvice] = "investment-advice",
        [BusinessArea.Trading] = "trading",
        [BusinessArea.RiskControl] = "risk-control",
        [BusinessArea.Compliance] = "compliance",
        [BusinessArea.CustomerService] = "customer-service",
        [BusinessArea.InternalManagement] = "internal-management",
    };

    private static readonly Dictionary<Technology, string> TechnologyCodes = new()
    {
        [Technology.BigData] = "big-data",
        [Technology.PrivacyComputing] = "privacy-computing",
        [Technology.Cloud] = "cloud",
        [Technology.ArtificialIntelligence] = "ai",
        [Technology.Blockchain] = "blockchain",
        [Technology.DigitalRmb] = "digital-rmb",
    };

    /// <summary>What the match page shows about a joint application; for whoever reads the match (else not found).</summary>
    public async Task<Result<JointApplicationView>> ViewAsync(Guid matchId, CancellationToken ct = default)
    {
        var grants = await current.GrantsAsync(ct);
        var match = await db.ScenarioMatches.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matchId, ct);
        if (match is null || !MatchCommands.Reads(grants, match))
        {
            return new Error(ScenarioErrors.MatchNotFound);
        }

        var lead = await LeadAsync(match, ct);
        var callerIsLead = lead is { } l && grants.FirstOrDefault(g => g.Role == Role.Applicant)?.OrganisationId == l;
        IReadOnlyList<OpenCall> calls = match.Status == MatchStatus.Matched && match.ProjectId is null && callerIsLead ? await OpenCallsAsync(match.RegionId, ct) : [];
        return new JointApplicationView(lead, callerIsLead, calls, match.ProjectId);
    }

    /// <summary>The lead starts the joint application draft for <paramref name="callId"/>; returns the project's id.</summary>
    public async Task<Result<Guid>> StartAsync(Guid matchId, Guid callId, ProjectCategory? category, CancellationToken ct = default)
    {
        var grants = await current.GrantsAsync(ct);
        var match = await db.ScenarioMatches.SingleOrDefaultAsync(m => m.Id == matchId, ct);
        if (match is null || !MatchCommands.Takes(grants, match))
        {
            return new Error(ScenarioErrors.MatchNotFound);
        }

        if (match.Status != MatchStatus.Matched)
        {
            return new Error(ScenarioErrors.WrongStatus);
        }

        if (match.ProjectId is not null)
        {
            return new Error(ScenarioErrors.AlreadyApplied);
        }

        if (await LeadAsync(match, ct) is not { } lead)
        {
            return new Error(ScenarioErrors.NoLicensedLead);
        }

        // Applications are started for the caller's (first) applicant organisation: only the lead's people start this one.
        if (grants.FirstOrDefault(g => g.Role == Role.Applicant)?.OrganisationId != lead)
        {
            return Problems.Forbidden;
        }

        if (!await db.Calls.AnyAsync(c => c.Id == callId && c.RegionId == match.RegionId && c.Status == CallStatus.Published, ct))
        {
            return new Error(ScenarioErrors.CallNotFound, "callId");
        }

        var scenario = await db.Scenarios.AsNoTracking().SingleAsync(s => s.Id == match.ScenarioId, ct);
        var solution = await db.Solutions.AsNoTracking().SingleAsync(s => s.Id == match.SolutionId, ct);
        var started = await applications.StartAsync(callId, Truncate(scenario.Title, PilotProject.MaxTitleLength), category, ct);
        if (!started.Succeeded)
        {
            return Result<Guid>.Fail([.. started.Errors]);
        }

        var projectId = started.Value.Id;
        var opened = (await applications.GetAsync(projectId, null, ct)).ValueOrThrow();
        var partner = lead == match.ScenarioOrganisationId ? match.SolutionOrganisationId : match.ScenarioOrganisationId;
        var form = await PrefillAsync(scenario, solution, category, partner is { } p && p != lead ? p : null, ct);
        var saved = await applications.SaveDraftAsync(projectId, form, opened.Current.Concurrency, ct);
        if (!saved.Succeeded)
        {
            // The draft exists and is the lead's; what could not be pre-filled is theirs to type.
            db.ChangeTracker.Clear();
            match = await db.ScenarioMatches.SingleAsync(m => m.Id == matchId, ct);
        }

        var applied = match.BecameApplication(projectId, clock.GetUtcNow());
        if (!applied.Succeeded)
        {
            return Result<Guid>.Fail([.. applied.Errors]);
        }

        var linked = await commands.SaveAsync(match, ScenarioErrors.Concurrency, ct);
        return linked.Succeeded ? projectId : Result<Guid>.Fail([.. linked.Errors]);
    }

    /// <summary>The licensed institution among the match's organisations: the scenario's publisher if licensed, else the offerer if licensed.</summary>
    private async Task<Guid?> LeadAsync(ScenarioMatch match, CancellationToken ct)
    {
        Guid?[] sides = [match.ScenarioOrganisationId, match.SolutionOrganisationId];
        var ids = sides.OfType<Guid>().ToList();
        var licensed = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Licensed).Select(o => o.Id).ToListAsync(ct);
        return sides.FirstOrDefault(s => s is { } id && licensed.Contains(id));
    }

    private async Task<IReadOnlyList<OpenCall>> OpenCallsAsync(int regionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var published = await db.Calls.AsNoTracking().Where(c => c.RegionId == regionId && c.Status == CallStatus.Published)
            .OrderByDescending(c => c.BatchNumber).Take(MaxCalls).ToListAsync(ct);
        return [.. published.Where(c => c.IsOpenAt(now)).Select(c => new OpenCall(c.Id, c.Title))];
    }

    private async Task<ApplicationForm> PrefillAsync(Scenario scenario, Solution solution, ProjectCategory? category, Guid? partner, CancellationToken ct)
    {
        var active = await db.ReferenceItems.AsNoTracking().Where(r => r.Active && (r.Kind == ReferenceKind.Scenario || r.Kind == ReferenceKind.Technology))
            .Select(r => new { r.Kind, r.Code }).ToListAsync(ct);
        var area = AreaCodes.TryGetValue(scenario.Area, out var a) && active.Contains(new { Kind = ReferenceKind.Scenario, Code = a }) ? a : null;
        var technologies = scenario.Technologies.Concat(solution.Technologies).Distinct().ToList();
        var coded = technologies.Where(t => TechnologyCodes.TryGetValue(t, out var c) && active.Contains(new { Kind = ReferenceKind.Technology, Code = c })).ToList();
        var others = technologies.Except(coded).ToList();
        return new ApplicationForm
        {
            Name = Truncate(scenario.Title, PilotProject.MaxTitleLength),
            Category = category,
            Summary = Truncate(scenario.ExpectedOutcome, ApplicationRules.MaxSummary),
            Scenarios = area is null ? [] : [area],
            ScenarioOther = area is null ? Truncate(ScenarioTexts.Of(scenario.Area, ScenarioTexts.Chinese), ApplicationRules.MaxShortText) : null,
            Technologies = [.. coded.Select(t => TechnologyCodes[t])],
            TechnologyOther = others.Count == 0 ? null : Truncate(ScenarioTexts.Of(others, ScenarioTexts.Chinese), ApplicationRules.MaxShortText),
            PartnerOrganisationIds = partner is { } p ? [p] : [],
            Problem = scenario.PainPoint,
            Innovation = solution.Capability,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
