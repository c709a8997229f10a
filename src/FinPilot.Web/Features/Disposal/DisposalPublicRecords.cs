using System.Globalization;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Disposal;
using FinPilot.Web.Features.Disclosure;

namespace FinPilot.Web.Features.Disposal;

/// <summary>
/// A suspension and a resumption are public: each is a record on the pilot's public timeline and
/// the register (through <see cref="PublicRecordWriter"/>, in the caller's unit of work), and so in
/// the ledger. Titles come from <see cref="DisposalStrings"/> in both languages.
/// </summary>
public sealed class DisposalPublicRecords(PublicRecordWriter records)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public void Suspended(DisposalCase c, string reason, DateTimeOffset at) =>
        Write(c, DisposalAuditActions.RecordSuspension, PublicEventKind.Suspended, "Public_Suspended", reason, at);

    public void Resumed(DisposalCase c, string reason, DateTimeOffset at) =>
        Write(c, DisposalAuditActions.RecordResumption, PublicEventKind.Resumed, "Public_Resumed", reason, at);

    private void Write(DisposalCase c, string kind, PublicEventKind eventKind, string titleKey, string reason, DateTimeOffset at)
    {
        // One record per step: the subject is the case and the moment, so a second suspension of the same case is its own record.
        var subject = $"{c.Id:N}@{at.ToUnixTimeMilliseconds()}";
        records.Write(
            PublicRecord.Create(kind, subject, at, new
            {
                projectId = c.ProjectId,
                regionId = c.RegionId,
                level = (int)c.Level,
                reason = reason.Trim(),
                at,
            }),
            c.RegionId,
            [new PublicEvent(c.ProjectId, eventKind, at, Bounded(DisposalTexts.Format(titleKey, Chinese, DisposalTexts.Of(c.Level, Chinese))),
                Bounded(DisposalTexts.Format(titleKey, English, DisposalTexts.Of(c.Level, English))), $"/pilots/{c.ProjectId}")]);
    }

    private static string Bounded(string title) => title.Length <= PublicEventRecord.MaxTitleLength ? title : title[..PublicEventRecord.MaxTitleLength];
}
