using FinPilot.Domain.Calls;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Regions;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Features.ApiTokens;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Jobs;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Ledger.Witnessing;
using FinPilot.Web.Features.Notifications;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Data;

/// <summary>
/// The one model of the platform. Each provider derives from it (<see cref="SqliteFinPilotDbContext"/>,
/// <see cref="PostgresFinPilotDbContext"/>) to own its migrations; handlers use this type.
/// </summary>
public abstract class FinPilotDbContext(DbContextOptions options)
    : IdentityDbContext<User>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<CallSubscription> CallSubscriptions => Set<CallSubscription>();

    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();

    public DbSet<PilotProject> Projects => Set<PilotProject>();

    public DbSet<ApplicationVersionRecord> ApplicationVersions => Set<ApplicationVersionRecord>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<ReferenceItem> ReferenceItems => Set<ReferenceItem>();

    public DbSet<ScreeningChecklist> ScreeningChecklists => Set<ScreeningChecklist>();

    public DbSet<PartnerInvitation> PartnerInvitations => Set<PartnerInvitation>();

    public DbSet<ExpertProfile> ExpertProfiles => Set<ExpertProfile>();

    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();

    public DbSet<EvaluationRound> EvaluationRounds => Set<EvaluationRound>();

    public DbSet<RoundProject> RoundProjects => Set<RoundProject>();

    public DbSet<PairRule> PairRules => Set<PairRule>();

    public DbSet<ExpertAssignment> ExpertAssignments => Set<ExpertAssignment>();

    public DbSet<EvaluationQuestion> EvaluationQuestions => Set<EvaluationQuestion>();

    public DbSet<ConsensusRecord> ConsensusRecords => Set<ConsensusRecord>();

    public DbSet<Domain.Deliberation.Meeting> Meetings => Set<Domain.Deliberation.Meeting>();

    public DbSet<PublicNotice> PublicNotices => Set<PublicNotice>();

    public DbSet<PublicRecordEntry> PublicRecords => Set<PublicRecordEntry>();

    public DbSet<PublicEventRecord> PublicEvents => Set<PublicEventRecord>();

    public DbSet<PublicSubmissionLog> PublicSubmissionLog => Set<PublicSubmissionLog>();

    public DbSet<LedgerHashRecord> LedgerHashes => Set<LedgerHashRecord>();

    public DbSet<LedgerTreeState> LedgerTree => Set<LedgerTreeState>();

    public DbSet<LedgerEntryRecord> LedgerEntries => Set<LedgerEntryRecord>();

    public DbSet<LedgerCheckpointRecord> LedgerCheckpoints => Set<LedgerCheckpointRecord>();

    public DbSet<LedgerWitnessRecord> LedgerWitnesses => Set<LedgerWitnessRecord>();

    public DbSet<WitnessedLogRecord> WitnessedLogs => Set<WitnessedLogRecord>();

    public DbSet<WitnessRefusalRecord> WitnessRefusals => Set<WitnessRefusalRecord>();

    public DbSet<SupervisionPlan> SupervisionPlans => Set<SupervisionPlan>();

    public DbSet<MetricSample> MetricSamples => Set<MetricSample>();

    public DbSet<Domain.Obligations.Obligation> Obligations => Set<Domain.Obligations.Obligation>();

    public DbSet<RegisterPilot> RegisterPilots => Set<RegisterPilot>();

    public DbSet<RegisterPilotTag> RegisterPilotTags => Set<RegisterPilotTag>();

    public DbSet<FinPilot.Web.Features.Supervision.SupervisionPlanRevision> SupervisionPlanRevisions => Set<FinPilot.Web.Features.Supervision.SupervisionPlanRevision>();

    public DbSet<Domain.Supervision.Reports.PeriodicReport> PeriodicReports => Set<Domain.Supervision.Reports.PeriodicReport>();

    public DbSet<Domain.Supervision.Disclosures.ProgressDisclosure> ProgressDisclosures => Set<Domain.Supervision.Disclosures.ProgressDisclosure>();

    public DbSet<Domain.Metrics.ApiClient> ApiClients => Set<Domain.Metrics.ApiClient>();

    public DbSet<Domain.Metrics.ApiClientSecret> ApiClientSecrets => Set<Domain.Metrics.ApiClientSecret>();

    public DbSet<Domain.Alerts.Alert> Alerts => Set<Domain.Alerts.Alert>();

    public DbSet<Domain.Alerts.RiskRuleOverride> RiskRuleOverrides => Set<Domain.Alerts.RiskRuleOverride>();

    public DbSet<Domain.Incidents.Incident> Incidents => Set<Domain.Incidents.Incident>();

    public DbSet<Domain.Probing.ProbeTarget> ProbeTargets => Set<Domain.Probing.ProbeTarget>();

    public DbSet<Domain.Probing.ProbeResult> ProbeResults => Set<Domain.Probing.ProbeResult>();

    public DbSet<ThrottleCounter> ThrottleCounters => Set<ThrottleCounter>();

    public DbSet<Domain.Probing.ProbeSyncMark> ProbeSyncMarks => Set<Domain.Probing.ProbeSyncMark>();

    public DbSet<Domain.Corrections.CorrectionOrder> CorrectionOrders => Set<Domain.Corrections.CorrectionOrder>();

    public DbSet<Domain.Corrections.ToleratedDeviation> ToleratedDeviations => Set<Domain.Corrections.ToleratedDeviation>();

    public DbSet<Domain.Disposal.DisposalCase> DisposalCases => Set<Domain.Disposal.DisposalCase>();

    public DbSet<Domain.Disposal.ContingencyPlanVersion> ContingencyPlanVersions => Set<Domain.Disposal.ContingencyPlanVersion>();

    public DbSet<Domain.PlanChanges.PlanChange> PlanChanges => Set<Domain.PlanChanges.PlanChange>();

    public DbSet<AddressedNotification> AddressedNotifications => Set<AddressedNotification>();

    public DbSet<Domain.Integrity.IntegrityFlag> IntegrityFlags => Set<Domain.Integrity.IntegrityFlag>();
    public DbSet<Domain.Scenarios.Scenario> Scenarios => Set<Domain.Scenarios.Scenario>();

    public DbSet<Domain.Scenarios.Solution> Solutions => Set<Domain.Scenarios.Solution>();

    public DbSet<Features.Scenarios.ScenarioSubscription> ScenarioSubscriptions => Set<Features.Scenarios.ScenarioSubscription>();

    public DbSet<Domain.Scenarios.ScenarioMatch> ScenarioMatches => Set<Domain.Scenarios.ScenarioMatch>();

    public DbSet<Domain.Scenarios.Roadshow> Roadshows => Set<Domain.Scenarios.Roadshow>();

    public DbSet<Domain.Scenarios.CoachingAssignment> CoachingAssignments => Set<Domain.Scenarios.CoachingAssignment>();

    public DbSet<Domain.Exit.ExitCase> ExitCases => Set<Domain.Exit.ExitCase>();

    public DbSet<Features.Statistics.StatisticsSnapshotRecord> StatisticsSnapshots => Set<Features.Statistics.StatisticsSnapshotRecord>();

    public DbSet<Domain.Casebooks.Casebook> Casebooks => Set<Domain.Casebooks.Casebook>();

    public DbSet<Features.Search.SearchDocument> SearchDocuments => Set<Features.Search.SearchDocument>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FinPilotDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        ConcurrencyVersions.Bump(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        ConcurrencyVersions.Bump(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The audit trail, public records and the ledger are evidence: once written, no code path of
    // the platform may change or remove them.
    private void GuardAppendOnly()
    {
        var tampered = ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Modified or EntityState.Deleted
                && e.Entity is AuditEntry or PublicRecordEntry or LedgerHashRecord or LedgerEntryRecord or WitnessRefusalRecord
                    or FinPilot.Web.Features.Supervision.SupervisionPlanRevision);
        if (tampered)
        {
            throw new InvalidOperationException("Audit entries, public records, ledger entries, witness refusals and plan revisions are append-only.");
        }
    }
}
