using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation.Rounds;
using static FinPilot.Domain.Tests.Evaluation.RoundTestData;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>A round and its assignments record one event per change they make (the save step audits them); a refused change records nothing.</summary>
public sealed class RoundEventTests
{
    private static IReadOnlyList<IDomainEvent> Pending(IRecordsEvents aggregate) => aggregate.PendingEvents;

    [Fact]
    public void The_rounds_moves_record_their_events_in_order()
    {
        var round = NewRound();
        var settings = Settings("改后的轮次", experts: 4);
        Assert.True(round.ChangeSettings(settings, Now).Succeeded);
        var report = new SolveReport(Now, true, 10, 12, 3, true, 1.5, []);
        Assert.True(round.RecordSolve(report).Succeeded);
        var solved = round.Assign(Guid.NewGuid(), ProjectId, Expert, AssignmentSource.Solver, Now, Secretariat).Value!;
        var manual = round.Assign(Guid.NewGuid(), ProjectId, "user-expert-2", AssignmentSource.Manual, Now, Secretariat).Value!;
        Assert.True(round.Open(Now).Succeeded);
        Assert.True(round.Complete(Now).Succeeded);

        Assert.Collection(
            Pending(round),
            e => Assert.IsType<RoundCreated>(e),
            e => Assert.Same(settings, Assert.IsType<RoundSettingsChanged>(e).Given),
            e => Assert.Same(report, Assert.IsType<RoundSolved>(e).Report),
            e => Assert.Equal(new ExpertAssigned(solved.Id, ProjectId, Expert, AssignmentSource.Solver), e),
            e => Assert.Equal(new ExpertAssigned(manual.Id, ProjectId, "user-expert-2", AssignmentSource.Manual), e),
            e => Assert.IsType<RoundOpened>(e),
            e => Assert.IsType<RoundCompleted>(e));
        Assert.Empty(Pending(solved)); // the round records the assignment; the new assignment itself has nothing to say yet

        ((IRecordsEvents)round).ClearEvents();
        Assert.Empty(Pending(round));
    }

    [Fact]
    public void A_refused_move_of_the_round_records_nothing()
    {
        var round = InStatus(RoundStatus.Completed);
        ((IRecordsEvents)round).ClearEvents();

        Assert.False(round.ChangeSettings(Settings(), Now).Succeeded);
        Assert.False(round.Open(Now).Succeeded);
        Assert.False(round.Assign(Guid.NewGuid(), ProjectId, Expert, AssignmentSource.Manual, Now, Secretariat).Succeeded);
        Assert.False(round.RecordSolve(new SolveReport(Now, false, 0, 0, 0, true, 0, [])).Succeeded);

        Assert.Empty(Pending(round));
    }

    [Fact]
    public void An_assignments_moves_record_their_events_with_the_rounds_region()
    {
        var (round, assignment) = WithAssignment(AssignmentState.AwaitingDeclaration);
        var sheet = Sheet(8);
        Assert.True(assignment.ConfirmNoConflict(round, Now).Succeeded);
        Assert.True(assignment.SaveDraft(round, sheet, Now).Succeeded); // a draft has no event
        Assert.True(assignment.Submit(round, sheet, Now).Succeeded);
        Assert.True(assignment.Reopen(round, "评分理由不充分").Succeeded);

        Assert.Collection(
            Pending(assignment),
            e => Assert.Equal(new AssignmentCleared(RegionId), e),
            e => Assert.Equal((RegionId, sheet), (Assert.IsType<SheetSubmitted>(e).RegionId, ((SheetSubmitted)e).Sheet)),
            e => Assert.Equal(new SheetReopened(RegionId), e));
    }

    [Fact]
    public void Conflicts_found_or_declared_record_their_events_and_a_refused_declaration_nothing()
    {
        var (round, found) = WithAssignment(AssignmentState.AwaitingDeclaration);
        Assert.True(found.RecordFoundConflict(round, Now, ["Employer"]).Succeeded);
        var conflict = Assert.IsType<AssignmentConflictFound>(Assert.Single(Pending(found)));
        Assert.Equal(RegionId, conflict.RegionId);
        Assert.Equal(["Employer"], conflict.Reasons);

        var (other, declared) = WithAssignment(AssignmentState.AwaitingDeclaration);
        Assert.False(declared.DeclareConflict(other, Now, " ").Succeeded); // a declaration says what the conflict is
        Assert.Empty(Pending(declared));
        Assert.True(declared.DeclareConflict(other, Now, "曾任该机构顾问").Succeeded);
        Assert.Equal(new AssignmentConflictDeclared(RegionId), Assert.Single(Pending(declared)));
        Assert.False(declared.Submit(other, Sheet(8), Now).Succeeded); // a conflicted expert scores nothing
        Assert.Single(Pending(declared));
    }
}
