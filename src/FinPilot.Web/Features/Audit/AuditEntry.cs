namespace FinPilot.Web.Features.Audit;

/// <summary>One line of the append-only trail: who did what to which record, when and from where.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Null for anonymous actions (a failed login of an unknown name, a public comment).</summary>
    public string? ActorId { get; private set; }

    public string? ActorName { get; private set; }

    /// <summary>A stable dotted code, e.g. <c>organisation.updated</c>; see <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = string.Empty;

    public string ResourceType { get; private set; } = string.Empty;

    public string? ResourceId { get; private set; }

    public int? RegionId { get; private set; }

    /// <summary>Compact JSON with what changed; never secrets.</summary>
    public string? Details { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public static AuditEntry Create(
        DateTimeOffset at, string? actorId, string? actorName, string action, string resourceType,
        string? resourceId, int? regionId, string? details, string? ipAddress, string? userAgent) => new()
        {
            At = at,
            ActorId = actorId,
            ActorName = Truncate(actorName, 256),
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            RegionId = regionId,
            Details = details,
            IpAddress = Truncate(ipAddress, 64),
            UserAgent = Truncate(userAgent, 512),
        };

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginSecondFactorRequired = "login.second-factor-required";
    public const string LoginLockedOut = "login.locked-out";
    public const string Logout = "logout";
    public const string PasswordChanged = "password.changed";
    public const string TwoFactorEnabled = "two-factor.enabled";
    public const string TwoFactorDisabled = "two-factor.disabled";
    public const string RecoveryCodesGenerated = "two-factor.recovery-codes-generated";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string RoleGranted = "role.granted";
    public const string RoleRevoked = "role.revoked";
    public const string UserUnlocked = "user.unlocked";
    public const string RegionCreated = "region.created";
    public const string RegionUpdated = "region.updated";
    public const string OrganisationCreated = "organisation.created";
    public const string OrganisationUpdated = "organisation.updated";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string AccessDenied = "access.denied";
    public const string CalendarImported = "calendar.imported";
    public const string CalendarDayAdded = "calendar.day-added";
    public const string CalendarDayRemoved = "calendar.day-removed";
    public const string ApplicationStarted = "application.started";
    public const string ApplicationSaved = "application.saved";
    public const string ApplicationSubmitted = "application.submitted";
    public const string ApplicationResubmitted = "application.resubmitted";
    public const string ApplicationWithdrawn = "application.withdrawn";
    public const string AttachmentAdded = "attachment.added";
    public const string AttachmentRemoved = "attachment.removed";
    public const string AttachmentDownloaded = "attachment.downloaded";
    public const string ScreeningStarted = "screening.started";
    public const string ScreeningChecklistSaved = "screening.checklist-saved";
    public const string ScreeningQueueExported = "screening.queue-exported";
    public const string ReturnedForSupplement = "screening.returned-for-supplement";
    public const string ApplicationAccepted = "screening.accepted";
    public const string ApplicationRejected = "screening.rejected";
    public const string SupplementOverdue = "screening.supplement-overdue";
    public const string ExpertProfileSaved = "expert.profile-saved";
    public const string ConflictDeclared = "expert.conflict-declared";
    public const string ConflictDeclarationEnded = "expert.conflict-declaration-ended";
    public const string RoundCreated = "evaluation.round-created";
    public const string RoundUpdated = "evaluation.round-updated";
    public const string RoundOpened = "evaluation.round-opened";
    public const string RoundCompleted = "evaluation.round-completed";
    public const string AssignmentSolved = "evaluation.assignment-solved";
    public const string AssignmentRuleSet = "evaluation.assignment-rule-set";
    public const string AssignmentAdded = "evaluation.assignment-added";
    public const string AssignmentRemoved = "evaluation.assignment-removed";
    public const string NoConflictConfirmed = "evaluation.no-conflict-confirmed";
    public const string ConflictDeclaredOnAssignment = "evaluation.conflict-declared";
    public const string ConflictFoundOnConfirm = "evaluation.conflict-found";
    public const string MaterialsViewed = "evaluation.materials-viewed";
    public const string SheetSubmitted = "evaluation.sheet-submitted";
    public const string SheetReopened = "evaluation.sheet-reopened";
    public const string QuestionAsked = "evaluation.question-asked";
    public const string QuestionAnswered = "evaluation.question-answered";
    public const string ConsensusRecorded = "evaluation.consensus-recorded";
    public const string RoundExported = "evaluation.round-exported";
    public const string IntegrityReportRead = "integrity.report-read";
    public const string ConditionsConfirmed = "project.conditions-confirmed";
    public const string LoginThrottled = "login.throttled";
    public const string PasswordResetRequested = "password.reset-requested";
    public const string PasswordReset = "password.reset";
    public const string TokensRevokedWithPassword = "token.revoked-with-password";
    public const string ReferenceAdded = "reference.added";
    public const string ReferenceRestored = "reference.restored";
    public const string ReferenceRetired = "reference.retired";
}
