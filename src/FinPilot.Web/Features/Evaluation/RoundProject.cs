namespace FinPilot.Web.Features.Evaluation;

/// <summary>A project taken into a round.</summary>
public sealed class RoundProject
{
    public Guid RoundId { get; set; }

    public Guid ProjectId { get; set; }
}
