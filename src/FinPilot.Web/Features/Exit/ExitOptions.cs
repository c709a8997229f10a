using FinPilot.Domain.Exit;
using FinPilot.Domain.Obligations;

namespace FinPilot.Web.Features.Exit;

/// <summary>Settings of the exit path (<c>Exit:</c> in configuration): each step's working days and the expert round's size.</summary>
public sealed class ExitOptions
{
    public const string Section = "Exit";

    /// <summary>Working days the institution has for its self-assessment and checklist once the exit opens (default 15).</summary>
    public int SelfAssessmentWorkingDays { get; set; } = ObligationRules.ExitStepWorkingDays;

    /// <summary>Working days the working group has to audit a submitted self-assessment (default 10).</summary>
    public int AuditWorkingDays { get; set; } = 10;

    /// <summary>Working days the institution has to answer a question sent back at audit (default 5).</summary>
    public int AnswerWorkingDays { get; set; } = 5;

    /// <summary>Working days the expert opinion has once started (default 10).</summary>
    public int ExpertReviewWorkingDays { get; set; } = 10;

    /// <summary>How many experts must score before the expert opinion is complete (default 3).</summary>
    public int MinReviewers { get; set; } = 3;

    /// <summary>Working days the coordination group has to confirm a forwarded exit (default 30).</summary>
    public int ConfirmationWorkingDays { get; set; } = 30;

    public bool IsValid => SelfAssessmentWorkingDays is >= 1 and <= 250 && AuditWorkingDays is >= 1 and <= 250 && AnswerWorkingDays is >= 1 and <= 250
        && ExpertReviewWorkingDays is >= 1 and <= 250 && ConfirmationWorkingDays is >= 1 and <= 250 && MinReviewers is >= 1 and <= ExitReview.MaxReviewers;
}
