using FinPilot.Domain.Common;
using FinPilot.Domain.Integrity;

namespace FinPilot.Domain.Tests.Integrity;

/// <summary>An integrity flag's lifecycle: raised, explanation asked for, answered, closed with a conclusion; every wrong step refused.</summary>
public sealed class IntegrityFlagTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly IntegrityTarget Target = new()
    {
        RecordKind = IntegrityRecordKind.CorrectionOrder,
        RecordId = Guid.NewGuid().ToString(),
        RegionId = 1,
        ProjectId = Guid.NewGuid(),
        PersonId = "wg",
    };

    private static IntegrityFlag Raised() => IntegrityFlag.Raise(Target, "延期理由不充分。", Now, "officer").ValueOrThrow();

    private static IntegrityFlag Pending(IntegrityFlag flag)
    {
        ((IRecordsEvents)flag).ClearEvents();
        return flag;
    }

    [Fact]
    public void A_raised_flag_is_open_and_keeps_the_officers_note_and_the_person()
    {
        var flag = Raised();

        Assert.Equal((IntegrityFlagStatus.Open, IntegrityRule.RaisedByOfficer, "officer"), (flag.Status, flag.Rule, flag.RaisedBy));
        Assert.Equal(("wg", $"wg#{flag.Id:N}", "延期理由不充分。"), (flag.PersonId, flag.PersonKey, flag.Facts.Note));
        Assert.IsType<IntegrityFlagRaised>(Assert.Single(((IRecordsEvents)flag).PendingEvents));
    }

    [Fact]
    public void A_flag_without_a_record_or_a_note_or_an_answering_organisation_is_refused()
    {
        Assert.Contains(IntegrityFlag.Raise(Target, " ", Now, "officer").Errors, e => e.Field == "note");
        Assert.Contains(IntegrityFlag.Raise(Target with { RecordId = "" }, "x", Now, "officer").Errors, e => e.Field == "recordId");
        Assert.Contains(IntegrityFlag.Raise(Target with { Unit = ResponsibleUnitKind.Organisation }, "x", Now, "officer").Errors, e => e.Code == IntegrityErrors.NoResponsibleUnit);
        Assert.Contains(IntegrityFlag.Raise(Target with { RecordKind = (IntegrityRecordKind)99 }, "x", Now, "officer").Errors, e => e.Code == IntegrityErrors.ChoiceInvalid);
    }

    [Fact]
    public void A_computed_flag_has_no_person_key_without_a_person_and_is_raised_by_the_system()
    {
        var flag = IntegrityFlag.Computed(IntegrityRule.ToleranceRenewed, Target with { PersonId = null }, new IntegrityFacts { Count = 1, Threshold = 1 }, Now).ValueOrThrow();

        Assert.Equal((string.Empty, IntegrityFlag.System, 1), (flag.PersonKey, flag.RaisedBy, flag.Facts.Count));
        Assert.False(IntegrityFlag.Computed(IntegrityRule.RaisedByOfficer, Target, new IntegrityFacts(), Now).Succeeded);
    }

    [Fact]
    public void The_unit_explains_after_a_request_and_the_officer_closes_with_a_conclusion()
    {
        var flag = Pending(Raised());
        var version = flag.Version;

        Assert.True(flag.RequestExplanation("请说明两次延期的理由。", Now.AddDays(7), Now, "officer").Succeeded);
        Assert.Equal((IntegrityFlagStatus.ExplanationRequested, 1, $"{flag.Id:N}:1"), (flag.Status, flag.Requests, flag.ObligationSubject));
        Assert.NotEqual(version, flag.Version);

        Assert.True(flag.Explain("客户投诉处理需要时间。", Now.AddDays(2), "wg2").Succeeded);
        Assert.Equal((IntegrityFlagStatus.Explained, "wg2"), (flag.Status, flag.ExplainedBy));

        Assert.True(flag.Close(IntegrityConclusion.Cleared, "理由成立。", Now.AddDays(3), "officer").Succeeded);
        Assert.Equal((IntegrityFlagStatus.Closed, IntegrityConclusion.Cleared), (flag.Status, flag.Conclusion));
        Assert.Equal(
            [typeof(IntegrityExplanationRequested), typeof(IntegrityExplained), typeof(IntegrityFlagClosed)],
            ((IRecordsEvents)flag).PendingEvents.Select(e => e.GetType()));
        Assert.False(((IntegrityFlagClosed)((IRecordsEvents)flag).PendingEvents[^1]).RequestWithdrawn);
    }

    [Fact]
    public void Wrong_steps_are_refused_and_change_nothing()
    {
        var flag = Raised();
        Assert.Equal(IntegrityErrors.WrongStatus, flag.Explain("未被要求说明。", Now, "wg").Errors.Single().Code);

        flag.RequestExplanation("请说明。", Now.AddDays(7), Now, "officer").OrThrow();
        Assert.Equal(IntegrityErrors.WrongStatus, flag.RequestExplanation("再次。", Now.AddDays(7), Now, "officer").Errors.Single().Code);
        Assert.Contains(flag.Explain("", Now, "wg").Errors, e => e.Field == "explanation");

        Assert.True(flag.Close(IntegrityConclusion.Referred, "移送纪检。", Now, "officer").Succeeded);
        Assert.True(((IntegrityFlagClosed)((IRecordsEvents)flag).PendingEvents[^1]).RequestWithdrawn);
        var version = flag.Version;
        Assert.Equal(IntegrityErrors.WrongStatus, flag.Close(IntegrityConclusion.Cleared, "again", Now, "officer").Errors.Single().Code);
        Assert.Equal(IntegrityErrors.WrongStatus, flag.RequestExplanation("again", Now.AddDays(7), Now, "officer").Errors.Single().Code);
        Assert.Contains(flag.Close((IntegrityConclusion)9, "x", Now, "officer").Errors, e => e.Code == IntegrityErrors.ChoiceInvalid);
        Assert.Equal(version, flag.Version);
    }

    [Fact]
    public void After_an_answer_the_officer_may_ask_again_as_a_new_request()
    {
        var flag = Raised();
        flag.RequestExplanation("请说明。", Now.AddDays(7), Now, "officer").OrThrow();
        flag.Explain("说明。", Now, "wg").OrThrow();

        Assert.True(flag.RequestExplanation("请补充证据。", Now.AddDays(14), Now.AddDays(1), "officer").Succeeded);
        Assert.Equal((IntegrityFlagStatus.ExplanationRequested, $"{flag.Id:N}:2"), (flag.Status, flag.ObligationSubject));
    }

    [Fact]
    public void Record_kinds_keep_their_numbers()
    {
        Assert.Equal(
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
            new[]
            {
                IntegrityRecordKind.Application, IntegrityRecordKind.Project, IntegrityRecordKind.PeriodicReport, IntegrityRecordKind.MetricSeries,
                IntegrityRecordKind.CorrectionOrder, IntegrityRecordKind.ToleratedDeviation, IntegrityRecordKind.DisposalCase, IntegrityRecordKind.Alert,
                IntegrityRecordKind.ExpertAssignment, IntegrityRecordKind.AgendaItem, IntegrityRecordKind.PlanChange, IntegrityRecordKind.Person,
                IntegrityRecordKind.ExitCase,
            }.Select(k => (int)k));
    }
}
