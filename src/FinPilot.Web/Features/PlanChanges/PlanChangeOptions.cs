using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>Settings of plan-change review (<c>PlanChanges:</c> in configuration).</summary>
public sealed class PlanChangeOptions
{
    public const string Section = "PlanChanges";

    /// <summary>An extension up to this many months, with no cap raised and the scope unchanged, is minor (default 3).</summary>
    public int MinorMaxExtensionMonths { get; set; } = ChangeRules.DefaultMinorMaxExtensionMonths;

    /// <summary>Whether adding a partner organisation makes a change major (default true); removing one is minor.</summary>
    public bool PartnerAddedIsMajor { get; set; } = true;

    /// <summary>Whether adding a technology makes a change major (default true); removing one is minor.</summary>
    public bool TechnologyAddedIsMajor { get; set; } = true;

    /// <summary>Whether loosening a metric limit (or removing a limited metric) makes a change major (default true).</summary>
    public bool MetricLooseningIsMajor { get; set; } = true;

    /// <summary>Working days the region's working group has to decide a minor change (default 15).</summary>
    public int WorkingGroupWorkingDays { get; set; } = ObligationRules.PlanChangeReviewWorkingDays;

    /// <summary>Working days the coordination group has to resolve a major change (default 30).</summary>
    public int CoordinationGroupWorkingDays { get; set; } = 30;

    /// <summary>Whether a major change goes through an expert review before the coordination group (default on).</summary>
    public bool ExpertReview { get; set; } = true;

    /// <summary>Working days the experts have to score a major change once the review starts (default 10).</summary>
    public int ExpertReviewWorkingDays { get; set; } = 10;

    /// <summary>How many experts must score before the review is complete (default 3).</summary>
    public int MinReviewers { get; set; } = 3;

    /// <summary>How often approved changes reaching their effective date are applied to the plan (default 10 minutes).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    public ChangeRules Rules => new()
    {
        MinorMaxExtensionMonths = MinorMaxExtensionMonths,
        MajorNeedsExpertReview = ExpertReview,
        PartnerAddedIsMajor = PartnerAddedIsMajor,
        TechnologyAddedIsMajor = TechnologyAddedIsMajor,
        MetricLooseningIsMajor = MetricLooseningIsMajor,
    };

    public bool IsValid => MinorMaxExtensionMonths is >= 0 and <= 120 && WorkingGroupWorkingDays is >= 1 and <= 250
        && CoordinationGroupWorkingDays is >= 1 and <= 250 && Interval > TimeSpan.Zero
        && ExpertReviewWorkingDays is >= 1 and <= 250 && MinReviewers is >= 1 and <= Domain.PlanChanges.ExpertReview.MaxReviewers;
}
