using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>The audit line of every event a <see cref="PublicNotice"/> records.</summary>
public sealed class NoticeAuditMap : AuditMap<PublicNotice>
{
    protected override AuditLine? Map(PublicNotice notice, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        NoticeCreated e => Line(notice, NoticeActions.Created, new { e.Content.Title, projects = e.Content.Projects?.Count ?? 0 }),
        NoticeDraftUpdated e => Line(notice, NoticeActions.Updated, new { e.Content.Title }),
        NoticePublished => Line(notice, NoticeActions.Published, new { notice.EndsOn }),
        NoticeWithdrawn e => Line(notice, NoticeActions.Withdrawn, new { reason = e.Reason }),
        NoticeResponseAnswered e => Line(notice, NoticeActions.Answered, new { responseId = e.ResponseId }),
        NoticeResponseReleased e => Line(notice, NoticeActions.Released, new { responseId = e.ResponseId }),
        NoticeObjectionResolved e => Line(notice, NoticeActions.Resolved, new { responseId = e.ResponseId, outcome = e.Outcome, note = e.Note }),
        _ => null,
    };

    private static AuditLine Line(PublicNotice notice, string action, object details) =>
        new(action, AuditResource.Notice, notice.Id.ToString(), details, notice.RegionId);
}
