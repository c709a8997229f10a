using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Casebooks;
using FinPilot.Web.Features.Corrections;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Features.Statistics;
using FinPilot.Web.Features.Supervision;

namespace FinPilot.Web.Features.Ledger;

/// <summary>Every kind of public record the platform writes, in the order of the lifecycle, for the ledger's search; each has a name in LedgerStrings (a test holds them to it).</summary>
public static class LedgerKinds
{
    public static readonly IReadOnlyList<string> All =
    [
        CallActions.RecordPublished, CallActions.RecordCorrected, CallActions.RecordClosed,
        DeliberationActions.RecordResolution,
        NoticeActions.RecordPublished, NoticeActions.RecordWithdrawn, NoticeActions.RecordSentBack, NoticeActions.RecordAdmitted,
        SupervisionActions.RecordDisclosure,
        CorrectionActions.RecordOrder, CorrectionActions.RecordClosure,
        DisposalAuditActions.RecordSuspension, DisposalAuditActions.RecordResumption,
        PlanChangeActions.RecordMajorChange,
        ExitActions.RecordRequested, ExitActions.RecordStep, ExitActions.RecordTerminated, ExitActions.RecordExited, ExitActions.RecordTier,
        CasebookActions.RecordPublished,
        StatisticsSnapshotRecord.RecordKind,
    ];
}
