using FinPilot.Domain.Applications;
using FinPilot.Domain.Projects;

namespace FinPilot.Web.Features.Applications.Pages;

/// <summary>
/// What the application page posts. Choices from lists come as one checkbox per entry; partners
/// as credit codes and invitations as e-mail addresses, one per line, so the page works without scripts.
/// </summary>
public sealed class ApplicationFormModel
{
    public string Name { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public ProjectCategory? Category { get; set; }

    public Dictionary<string, bool> ScenarioChecks { get; set; } = [];

    public string? ScenarioOther { get; set; }

    public Dictionary<string, bool> TechnologyChecks { get; set; } = [];

    public string? TechnologyOther { get; set; }

    /// <summary>Unified social credit codes of registered partner organisations, one per line.</summary>
    public string? PartnerCodes { get; set; }

    public string? InvitedPartnerEmails { get; set; }

    public Dictionary<string, string> Texts { get; set; } = [];

    public int? CustomerLimit { get; set; }

    public int? DurationMonths { get; set; }

    public Guid Concurrency { get; set; }

    /// <summary>"save" or "submit", from the button pressed.</summary>
    public string? Action { get; set; }

    /// <summary>The applicant's confirmation, asked for only when submitting.</summary>
    public bool ConfirmSubmit { get; set; }

    public static ApplicationFormModel From(ApplicationForm form, Guid concurrency, IReadOnlyDictionary<Guid, string> partnerCodes) => new()
    {
        Name = form.Name,
        Summary = form.Summary,
        Category = form.Category,
        ScenarioChecks = form.Scenarios.ToDictionary(s => s, _ => true),
        ScenarioOther = form.ScenarioOther,
        TechnologyChecks = form.Technologies.ToDictionary(t => t, _ => true),
        TechnologyOther = form.TechnologyOther,
        PartnerCodes = string.Join('\n', form.PartnerOrganisationIds.Select(id => partnerCodes.GetValueOrDefault(id, id.ToString()))),
        InvitedPartnerEmails = string.Join('\n', form.InvitedPartnerEmails),
        Texts = ApplicationRules.LongTextFields.ToDictionary(f => f, f => ApplicationRules.LongText(form, f)),
        CustomerLimit = form.CustomerLimit,
        DurationMonths = form.DurationMonths,
        Concurrency = concurrency,
    };

    /// <summary>Form binding leaves collections it received nothing for as null; an unticked list is empty.</summary>
    public ApplicationFormModel Normalised()
    {
        ScenarioChecks ??= [];
        TechnologyChecks ??= [];
        Texts ??= [];
        Name ??= string.Empty;
        Summary ??= string.Empty;
        return this;
    }

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public ApplicationForm ToForm(IReadOnlyList<Guid> partnerIds)
    {
        string T(string field) => Texts.GetValueOrDefault(field)?.Trim() ?? string.Empty;
        return new ApplicationForm
        {
            Name = Name.Trim(),
            Summary = Summary.Trim(),
            Category = Category,
            Scenarios = ScenarioChecks.Where(c => c.Value).Select(c => c.Key).ToList(),
            ScenarioOther = string.IsNullOrWhiteSpace(ScenarioOther) ? null : ScenarioOther.Trim(),
            Technologies = TechnologyChecks.Where(c => c.Value).Select(c => c.Key).ToList(),
            TechnologyOther = string.IsNullOrWhiteSpace(TechnologyOther) ? null : TechnologyOther.Trim(),
            PartnerOrganisationIds = partnerIds,
            InvitedPartnerEmails = Lines(InvitedPartnerEmails),
            Innovation = T(nameof(ApplicationForm.Innovation)),
            Problem = T(nameof(ApplicationForm.Problem)),
            RegulatoryQuestion = T(nameof(ApplicationForm.RegulatoryQuestion)),
            RiskAssessment = T(nameof(ApplicationForm.RiskAssessment)),
            RiskControls = T(nameof(ApplicationForm.RiskControls)),
            CustomerSelection = T(nameof(ApplicationForm.CustomerSelection)),
            CustomerCaps = T(nameof(ApplicationForm.CustomerCaps)),
            CustomerDisclosure = T(nameof(ApplicationForm.CustomerDisclosure)),
            Complaints = T(nameof(ApplicationForm.Complaints)),
            Compensation = T(nameof(ApplicationForm.Compensation)),
            TestScope = T(nameof(ApplicationForm.TestScope)),
            Metrics = T(nameof(ApplicationForm.Metrics)),
            EmergencyPlan = T(nameof(ApplicationForm.EmergencyPlan)),
            ExitPlan = T(nameof(ApplicationForm.ExitPlan)),
            CustomerLimit = CustomerLimit,
            DurationMonths = DurationMonths,
        };
    }
}
