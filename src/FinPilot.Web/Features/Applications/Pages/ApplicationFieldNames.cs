using System.Globalization;
using FinPilot.Domain.Projects;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Applications.Pages;

/// <summary>Labels of application fields and values in the current language, shared by the form, the read-only view and the diff.</summary>
public static class ApplicationFieldNames
{
    public static string Label(string field) =>
        ApplicationsStrings.ResourceManager.GetString("App_Field_" + field, CultureInfo.CurrentUICulture) ?? field;

    public static string Of(ProjectCategory category) =>
        ApplicationsStrings.ResourceManager.GetString("Category_" + category, CultureInfo.CurrentUICulture) ?? category.ToString();

    public static string Of(ProjectStage stage) =>
        ApplicationsStrings.ResourceManager.GetString("Stage_" + stage, CultureInfo.CurrentUICulture) ?? stage.ToString();

    /// <summary>The stage as a person reads it: an approved project is "awaiting notice" until its notice is out.</summary>
    public static string Of(ProjectStage stage, bool onNotice) =>
        stage == ProjectStage.PublicNotice && !onNotice
            ? ApplicationsStrings.Stage_AwaitingNotice
            : Of(stage);

    public static string Of(ProjectTrigger trigger) =>
        ApplicationsStrings.ResourceManager.GetString("Trigger_" + trigger, CultureInfo.CurrentUICulture) ?? trigger.ToString();

    public static string Of(FinPilot.Domain.Applications.AttachmentChangeKind kind) =>
        ApplicationsStrings.ResourceManager.GetString("FileChange_" + kind, CultureInfo.CurrentUICulture) ?? kind.ToString();

    /// <summary>The form's sections and the long-text fields in each, in order.</summary>
    public static readonly (string Section, string[] Fields)[] TextSections =
    [
        ("Innovation", ["Innovation", "Problem", "RegulatoryQuestion"]),
        ("Risk", ["RiskAssessment", "RiskControls"]),
        ("InvestorProtection", ["CustomerSelection", "CustomerCaps", "CustomerDisclosure", "Complaints", "Compensation"]),
        ("TestPlan", ["TestScope", "Metrics"]),
        ("Plans", ["EmergencyPlan", "ExitPlan"]),
    ];
}
