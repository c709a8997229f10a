using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;

namespace FinPilot.Web.Features.Deliberation;

/// <summary>
/// Carries out the resolution of an agenda item whose kind moves no project (its
/// <see cref="AgendaItemKindRule"/> has no triggers), such as a major plan change, or whose matter a
/// module owns (a termination, an exit: the module pulls the kind's trigger itself, with its own
/// record): the module registers one, and it runs in the resolution's unit of work, so both are saved or neither.
/// A failure it returns refuses the resolution.
/// </summary>
public interface IAgendaItemResolution
{
    AgendaItemKind Kind { get; }

    Task<Result> ResolvedAsync(Meeting meeting, AgendaItem item, CancellationToken cancellationToken);
}
