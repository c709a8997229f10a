using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Disclosure;

namespace FinPilot.Web.Features.Exit;

/// <summary>
/// Every step of an exit is public: a record on the pilot's public timeline and the register
/// (through <see cref="PublicRecordWriter"/>, in the caller's unit of work), and so in the ledger.
/// Titles come from <see cref="ExitStrings"/> in both languages; the tier record carries the
/// formula's version and inputs, so anyone can see why.
/// </summary>
public sealed class ExitPublicRecords(PublicRecordWriter records)
{
    public void Requested(ExitCase c, DateTimeOffset at) =>
        Write(c, ExitActions.RecordRequested, PublicEventKind.ExitRequested, c.Mode == ExitMode.Withdrawn ? "Public_Withdrawn" : "Public_CompletionRequested", at,
            new { mode = c.Mode.ToString(), reasons = c.Reasons });

    public void Terminated(ExitCase c, DateTimeOffset at) =>
        Write(c, ExitActions.RecordTerminated, PublicEventKind.Termination, "Public_Terminated", at, new { mode = c.Mode.ToString(), resolution = c.Reasons });

    /// <summary>A step of the path done: <paramref name="stepKey"/> names it (Public_AuditAccepted, Public_ReviewCompleted, Public_Forwarded).</summary>
    public void Step(ExitCase c, string stepKey, DateTimeOffset at) =>
        Write(c, ExitActions.RecordStep, PublicEventKind.ExitStep, stepKey, at, new { step = stepKey, status = c.Status.ToString() });

    public void Exited(ExitCase c, DateTimeOffset at)
    {
        Write(c, ExitActions.RecordExited, PublicEventKind.Exit, "Public_Exited", at, new { mode = c.Mode.ToString(), resolution = c.Resolution, c.MeetingId, c.AgendaItemId });
        var tierZh = ExitTexts.Of(c.Tier!.Value, ExitTexts.Chinese);
        var tierEn = ExitTexts.Of(c.Tier!.Value, ExitTexts.English);
        var subject = $"{c.Id:N}:tier";
        records.Write(
            PublicRecord.Create(ExitActions.RecordTier, subject, at, new
            {
                projectId = c.ProjectId,
                regionId = c.RegionId,
                tier = c.Tier.ToString(),
                proposed = c.Proposal?.Tier.ToString(),
                overridden = c.TierDecision?.Overridden ?? false,
                overrideReason = c.TierDecision?.Reason,
                formula = c.Proposal?.FormulaVersion,
                score = c.Proposal?.Score,
                inputs = c.Proposal?.Inputs,
                at,
            }),
            c.RegionId,
            [new PublicEvent(c.ProjectId, PublicEventKind.TierAssigned, at, Bounded(ExitTexts.Format("Public_Tier", ExitTexts.Chinese, tierZh)),
                Bounded(ExitTexts.Format("Public_Tier", ExitTexts.English, tierEn)), $"/pilots/{c.ProjectId}")]);
    }

    private void Write(ExitCase c, string kind, PublicEventKind eventKind, string titleKey, DateTimeOffset at, object details)
    {
        var subject = $"{c.Id:N}@{at.ToUnixTimeMilliseconds()}:{eventKind}";
        records.Write(
            PublicRecord.Create(kind, subject, at, new { projectId = c.ProjectId, regionId = c.RegionId, details, at }),
            c.RegionId,
            [new PublicEvent(c.ProjectId, eventKind, at, Bounded(ExitTexts.Format(titleKey, ExitTexts.Chinese)), Bounded(ExitTexts.Format(titleKey, ExitTexts.English)),
                $"/pilots/{c.ProjectId}")]);
    }

    private static string Bounded(string title) => title.Length <= PublicEventRecord.MaxTitleLength ? title : title[..PublicEventRecord.MaxTitleLength];
}
