using FinPilot.Domain.Calls;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// The expert pool's profiles, and a round for Beijing's open call holding its projects in
/// evaluation, still being prepared: the secretariat assigns it, the experts score it.
/// </summary>
internal sealed class DemoEvaluation(FinPilotDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    public async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id, cancellationToken);
        foreach (var demo in DemoData.Experts)
        {
            var userId = await db.Users.Where(u => u.Email == demo.Email).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
            if (userId is null || await db.ExpertProfiles.AnyAsync(p => p.UserId == userId, cancellationToken))
            {
                continue;
            }

            var employer = demo.EmployerOrganisationCode is null ? null : organisations[demo.EmployerOrganisationCode];
            db.ExpertProfiles.Add(new ExpertProfile
            {
                UserId = userId,
                EmployerOrganisationId = employer?.Id,
                EmployerName = employer?.NameZh ?? demo.EmployerName ?? string.Empty,
                Domains = demo.Domains,
                RegionIds = demo.RegionCodes.Select(c => regions[c]).ToList(),
                Tags = demo.Tags,
                Profile = demo.Profile,
                Available = true,
                MaxLoad = 3,
                UpdatedAt = now,
                UpdatedBy = "demo-seed",
                Version = Guid.NewGuid(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        var call = (await db.Calls.Where(c => c.RegionId == regions["BJ"] && c.Status == CallStatus.Published).ToListAsync(cancellationToken))
            .FirstOrDefault(c => c.IsOpenAt(now));
        if (call is null || await db.EvaluationRounds.AnyAsync(r => r.CallId == call.Id, cancellationToken))
        {
            return;
        }

        var projects = await db.Projects.Where(p => p.CallId == call.Id && p.Stage == ProjectStage.Evaluation).Select(p => p.Id).ToListAsync(cancellationToken);
        if (projects.Count == 0)
        {
            return;
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var settings = new RoundSettings(
            $"{call.Title} · 专业评估", EvaluationRound.DefaultExpertsPerProject,
            calendar.AddWorkingDays(Domain.Calendar.ChinaTime.DateOf(now), EvaluationRound.DefaultScoringWorkingDays), ShowPeerScores: false);
        var created = EvaluationRound.Create(Guid.CreateVersion7(now), call.Id, call.RegionId, call.Title, settings, now, "demo-seed");
        var round = created.Succeeded
            ? created.Value
            : throw new InvalidOperationException($"The demo round is invalid: {string.Join(", ", created.Errors)}");
        db.EvaluationRounds.Add(round);
        db.RoundProjects.AddRange(projects.Select(p => new RoundProject { RoundId = round.Id, ProjectId = p }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
