using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Obligations;

namespace FinPilot.Domain.Tests.Obligations;

public sealed class ObligationTests
{
    private static readonly WorkingDayCalendar China = OfficialHolidaySchedules.Calendar;
    private static readonly int[] Offsets = [-5, -1, 1, 5];

    // Due at the end of Tue 2026-02-24, the first working day after the Spring Festival.
    private static readonly DateTimeOffset Due = new DateTimeOffset(2026, 2, 24, 23, 59, 59, TimeSpan.FromHours(8)).AddMilliseconds(999);

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static Obligation New(DateTimeOffset? due = null) =>
        Obligation.Create(Guid.NewGuid(), 1, Guid.NewGuid(), ObligationKind.PeriodicReport, "2026-01", due ?? Due, At(2, 1)).ValueOrThrow();

    [Fact]
    public void A_new_obligation_is_open_and_due_in_utc()
    {
        var obligation = New();
        Assert.Equal(ObligationStatus.Open, obligation.Status);
        Assert.Equal(TimeSpan.Zero, obligation.DueAt.Offset);
        Assert.Equal(Due, obligation.DueAt);
        Assert.False(obligation.IsOverdue(Due));
        Assert.True(obligation.IsOverdue(Due.AddTicks(1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 2026-01")]
    [InlineData("2026\n01")]
    public void A_subject_is_a_clean_key(string subject)
    {
        var result = Obligation.Create(Guid.NewGuid(), 1, Guid.NewGuid(), ObligationKind.Disclosure, subject, Due, At(2, 1));
        Assert.Contains(result.Errors, e => e.Code == ObligationErrors.SubjectInvalid);
    }

    [Fact]
    public void Owner_and_kind_are_required()
    {
        var result = Obligation.Create(Guid.Empty, 0, Guid.Empty, (ObligationKind)99, new string('x', 101), Due, At(2, 1));
        Assert.Equal(5, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Code == ObligationErrors.KindUnknown);
    }

    [Fact]
    public void Fulfilled_once_late_or_not_then_closed()
    {
        var obligation = New();
        var version = obligation.Version;
        Assert.True(obligation.Fulfil(Due.AddDays(3), "user-1").Succeeded);
        Assert.Equal(ObligationStatus.Fulfilled, obligation.Status);
        Assert.NotEqual(version, obligation.Version);
        Assert.False(obligation.IsOverdue(Due.AddDays(10)));
        var again = obligation.Fulfil(Due.AddDays(4), "user-1");
        Assert.Equal(ObligationErrors.NotOpen, Assert.Single(again.Errors).Code);
        Assert.Equal(Due.AddDays(3), obligation.ClosedAt);
    }

    [Fact]
    public void Waived_only_with_a_reason_and_only_while_open()
    {
        var obligation = New();
        Assert.Equal(Text.RequiredCode, Assert.Single(obligation.Waive(At(2, 2), "wg", " ").Errors).Code);
        Assert.True(obligation.Waive(At(2, 2), "wg", " pilot exited ").Succeeded);
        Assert.Equal(("pilot exited", ObligationStatus.Waived), (obligation.WaiveReason, obligation.Status));
        Assert.Equal(ObligationErrors.NotOpen, Assert.Single(obligation.Fulfil(At(2, 3), "u").Errors).Code);
    }

    [Fact]
    public void Reminders_come_one_at_a_time_on_their_working_days()
    {
        var obligation = New();
        Assert.True(obligation.RemindersDue(Offsets, At(2, 9), China).IsEmpty);

        var five = obligation.RemindersDue(Offsets, At(2, 10), China);
        Assert.Equal([-5], five.Record);
        Assert.Equal(-5, five.Send);
        Assert.True(obligation.RecordReminders(five.Record).Succeeded);
        Assert.True(obligation.RemindersDue(Offsets, At(2, 13), China).IsEmpty);

        // The last working day before the 24th is the Saturday worked before the festival.
        var one = obligation.RemindersDue(Offsets, At(2, 14), China);
        Assert.Equal(-1, one.Send);
        Assert.True(obligation.RecordReminders(one.Record).Succeeded);

        Assert.True(obligation.RemindersDue(Offsets, Due, China).IsEmpty);
        var after = obligation.RemindersDue(Offsets, At(2, 25), China);
        Assert.Equal(1, after.Send);
        Assert.True(obligation.RecordReminders(after.Record).Succeeded);
        Assert.True(obligation.RemindersDue(Offsets, At(2, 28), China).IsEmpty);
        Assert.Equal(5, obligation.RemindersDue(Offsets, At(3, 2), China).Send);
    }

    [Fact]
    public void A_late_obligation_gets_only_its_latest_reminder_and_none_before_a_due_time_passed()
    {
        var late = New();
        var plan = late.RemindersDue(Offsets, At(2, 14), China);
        Assert.Equal([-5, -1], plan.Record);
        Assert.Equal(-1, plan.Send);

        // Due at 10:00 on a holiday; at noon it is overdue, and its +1 day (2/24) has not come.
        var incident = New(At(2, 23));
        var overdue = incident.RemindersDue(Offsets, At(2, 23, 12), China);
        Assert.Equal([-5, -1], overdue.Record);
        Assert.Null(overdue.Send);
    }

    [Fact]
    public void A_reminder_recorded_twice_is_refused_so_a_second_clock_loses()
    {
        var obligation = New();
        Assert.True(obligation.RecordReminders([-5]).Succeeded);
        Assert.Equal(ObligationErrors.ReminderAlreadySent, Assert.Single(obligation.RecordReminders([-5, -1]).Errors).Code);
        Assert.Equal([-5], obligation.RemindersSent);
    }

    [Fact]
    public void Closed_obligations_get_no_reminders()
    {
        var obligation = New();
        obligation.Fulfil(At(2, 1), "u");
        Assert.True(obligation.RemindersDue(Offsets, At(3, 2), China).IsEmpty);
    }

    [Fact]
    public void Overdue_is_told_once_and_only_when_overdue()
    {
        var obligation = New();
        Assert.Equal(ObligationErrors.NotOverdue, Assert.Single(obligation.MarkOverdueNotified(Due).Errors).Code);
        Assert.True(obligation.MarkOverdueNotified(At(2, 25)).Succeeded);
        Assert.False(obligation.MarkOverdueNotified(At(2, 26)).Succeeded);
        obligation.ReleaseOverdueNotified();
        Assert.Null(obligation.OverdueNotifiedAt);
        Assert.True(obligation.MarkOverdueNotified(At(2, 26)).Succeeded);
    }

    [Fact]
    public void Only_a_coaching_follow_up_may_be_owed_by_an_organisation_with_no_project()
    {
        var organisation = Guid.NewGuid();
        var followUp = Obligation.Create(Obligation.NoProject, 1, organisation, ObligationKind.CoachingFollowUp, $"{Guid.NewGuid():N}:{organisation:N}", Due, At(2, 1));
        Assert.True(followUp.Succeeded);
        Assert.Equal((Obligation.NoProject, organisation), (followUp.Value.ProjectId, followUp.Value.OrganisationId));

        var report = Obligation.Create(Obligation.NoProject, 1, organisation, ObligationKind.PeriodicReport, "2026-01", Due, At(2, 1));
        Assert.Contains(report.Errors, e => e.Code == ObligationErrors.OwnerMissing && e.Field == nameof(Obligation.ProjectId));
        Assert.Equal(80, (int)ObligationKind.CoachingFollowUp);
    }
}
