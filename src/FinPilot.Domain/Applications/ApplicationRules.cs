using FinPilot.Domain.Common;

namespace FinPilot.Domain.Applications;

/// <summary>What an application may hold at all (checked on every save) and what it must hold to be submitted.</summary>
public static class ApplicationRules
{
    public const int MaxShortText = 200;
    public const int MaxSummary = 2000;
    public const int MaxLongText = 20000;
    public const int MaxPartners = 20;
    public const int MaxListItems = 30;
    public const int MaxDurationMonths = 60;
    public const int MaxCustomerLimit = 10_000_000;

    /// <summary>The long free-text fields, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> LongTextFields =
    [
        nameof(ApplicationForm.Innovation), nameof(ApplicationForm.Problem), nameof(ApplicationForm.RegulatoryQuestion),
        nameof(ApplicationForm.RiskAssessment), nameof(ApplicationForm.RiskControls), nameof(ApplicationForm.CustomerSelection),
        nameof(ApplicationForm.CustomerCaps), nameof(ApplicationForm.CustomerDisclosure), nameof(ApplicationForm.Complaints),
        nameof(ApplicationForm.Compensation), nameof(ApplicationForm.TestScope), nameof(ApplicationForm.Metrics),
        nameof(ApplicationForm.EmergencyPlan), nameof(ApplicationForm.ExitPlan),
    ];

    /// <summary>Limits that hold for drafts too, so nothing oversized is ever stored.</summary>
    public static IReadOnlyList<Error> Limits(ApplicationForm form)
    {
        var errors = new List<Error>();
        errors.AddRange(Text.Optional(form.Name, nameof(form.Name), MaxShortText));
        errors.AddRange(Text.Optional(form.Summary, nameof(form.Summary), MaxSummary));
        errors.AddRange(Text.Optional(form.ScenarioOther, nameof(form.ScenarioOther), MaxShortText));
        errors.AddRange(Text.Optional(form.TechnologyOther, nameof(form.TechnologyOther), MaxShortText));
        foreach (var field in LongTextFields)
        {
            errors.AddRange(Text.Optional(LongText(form, field), field, MaxLongText));
        }

        if (form.Scenarios.Count > MaxListItems)
        {
            errors.Add(new Error(ApplicationErrors.TooManyItems, nameof(form.Scenarios), MaxListItems));
        }

        if (form.Technologies.Count > MaxListItems)
        {
            errors.Add(new Error(ApplicationErrors.TooManyItems, nameof(form.Technologies), MaxListItems));
        }

        if (form.PartnerOrganisationIds.Count + form.InvitedPartnerEmails.Count > MaxPartners)
        {
            errors.Add(new Error(ApplicationErrors.TooManyItems, nameof(form.PartnerOrganisationIds), MaxPartners));
        }

        foreach (var email in form.InvitedPartnerEmails)
        {
            errors.AddRange(Text.OptionalEmail(email, nameof(form.InvitedPartnerEmails)));
        }

        if (form.CustomerLimit is < 1 or > MaxCustomerLimit)
        {
            errors.Add(new Error(ApplicationErrors.OutOfRange, nameof(form.CustomerLimit), 1, MaxCustomerLimit));
        }

        if (form.DurationMonths is < 1 or > MaxDurationMonths)
        {
            errors.Add(new Error(ApplicationErrors.OutOfRange, nameof(form.DurationMonths), 1, MaxDurationMonths));
        }

        return errors;
    }

    /// <summary>Every item submission still needs, each on its field, all at once.</summary>
    public static IReadOnlyList<Error> Missing(ApplicationForm form)
    {
        var missing = new List<Error>();
        void Require(bool present, string field)
        {
            if (!present)
            {
                missing.Add(new Error(ApplicationErrors.Missing, field));
            }
        }

        Require(!string.IsNullOrWhiteSpace(form.Name), nameof(form.Name));
        Require(!string.IsNullOrWhiteSpace(form.Summary), nameof(form.Summary));
        Require(form.Category is not null, nameof(form.Category));
        Require(form.Scenarios.Count > 0 || !string.IsNullOrWhiteSpace(form.ScenarioOther), nameof(form.Scenarios));
        Require(form.Technologies.Count > 0 || !string.IsNullOrWhiteSpace(form.TechnologyOther), nameof(form.Technologies));
        foreach (var field in LongTextFields)
        {
            Require(!string.IsNullOrWhiteSpace(LongText(form, field)), field);
        }

        Require(form.CustomerLimit is not null, nameof(form.CustomerLimit));
        Require(form.DurationMonths is not null, nameof(form.DurationMonths));
        return missing;
    }

    public static string LongText(ApplicationForm form, string field) => field switch
    {
        nameof(ApplicationForm.Innovation) => form.Innovation,
        nameof(ApplicationForm.Problem) => form.Problem,
        nameof(ApplicationForm.RegulatoryQuestion) => form.RegulatoryQuestion,
        nameof(ApplicationForm.RiskAssessment) => form.RiskAssessment,
        nameof(ApplicationForm.RiskControls) => form.RiskControls,
        nameof(ApplicationForm.CustomerSelection) => form.CustomerSelection,
        nameof(ApplicationForm.CustomerCaps) => form.CustomerCaps,
        nameof(ApplicationForm.CustomerDisclosure) => form.CustomerDisclosure,
        nameof(ApplicationForm.Complaints) => form.Complaints,
        nameof(ApplicationForm.Compensation) => form.Compensation,
        nameof(ApplicationForm.TestScope) => form.TestScope,
        nameof(ApplicationForm.Metrics) => form.Metrics,
        nameof(ApplicationForm.EmergencyPlan) => form.EmergencyPlan,
        nameof(ApplicationForm.ExitPlan) => form.ExitPlan,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a long-text field."),
    };
}

/// <summary>The call's required materials (申报材料) against the files of a version.</summary>
public static class RequiredMaterials
{
    /// <summary>The field a missing material is reported on: the attachments, not a form field.</summary>
    public const string Field = "Attachments";

    /// <summary>One error per required material no file is labelled with, in the call's order, naming it.</summary>
    public static IReadOnlyList<Error> Missing(IReadOnlyList<string> required, IEnumerable<string?> labelled)
    {
        var present = labelled.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. required.Where(m => !present.Contains(m)).Select(m => new Error(ApplicationErrors.MaterialMissing, Field, m))];
    }
}

public static class ApplicationErrors
{
    public static readonly ErrorCode Missing = ErrorCode.Validation("Application.Missing");
    public static readonly ErrorCode TooManyItems = ErrorCode.Validation("Application.TooManyItems");
    public static readonly ErrorCode OutOfRange = ErrorCode.Validation("Application.OutOfRange");
    public static readonly ErrorCode UnknownScenario = ErrorCode.Validation("Application.UnknownScenario");
    public static readonly ErrorCode UnknownTechnology = ErrorCode.Validation("Application.UnknownTechnology");
    public static readonly ErrorCode UnknownPartner = ErrorCode.Validation("Application.UnknownPartner");
    public static readonly ErrorCode LeadNotLicensed = ErrorCode.InvalidState("Application.LeadNotLicensed");
    public static readonly ErrorCode PartnerIsLead = ErrorCode.Validation("Application.PartnerIsLead");
    public static readonly ErrorCode NotEditable = ErrorCode.InvalidState("Application.NotEditable");
    public static readonly ErrorCode ChangedByAnother = ErrorCode.Conflict("Application.ChangedByAnother");
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Application.NotFound");
    public static readonly ErrorCode CallNotOpen = ErrorCode.InvalidState("Application.CallNotOpen");
    public static readonly ErrorCode NotEligible = ErrorCode.InvalidState("Application.NotEligible");
    public static readonly ErrorCode FileTooLarge = ErrorCode.Validation("Application.FileTooLarge");
    public static readonly ErrorCode ApplicationTooLarge = ErrorCode.Validation("Application.ApplicationTooLarge");
    public static readonly ErrorCode FileTypeRefused = ErrorCode.Validation("Application.FileTypeRefused");
    public static readonly ErrorCode NoApplicantOrganisation = ErrorCode.InvalidState("Application.NoApplicantOrganisation");
    public static readonly ErrorCode NotInScreening = ErrorCode.InvalidState("Application.NotInScreening");
    public static readonly ErrorCode MaterialMissing = ErrorCode.Validation("Application.MaterialMissing");
    public static readonly ErrorCode UnknownMaterial = ErrorCode.Validation("Application.UnknownMaterial");
    public static readonly ErrorCode ChecklistIncomplete = ErrorCode.Validation("Application.ChecklistIncomplete");
}
