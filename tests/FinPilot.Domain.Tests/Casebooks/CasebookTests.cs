using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Common;
using FinPilot.Domain.Exit;

namespace FinPilot.Domain.Tests.Casebooks;

public sealed class CasebookTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static Casebook Draft() =>
        Casebook.Create(CasebookScope.Region, 1, "北京金融科技创新监管试点首批案例集", "Casebook of Beijing's first batch", "首批", Now, "wg").ValueOrThrow();

    private static Casebook Ready(params Guid[] projects)
    {
        var casebook = Draft();
        foreach (var id in projects)
        {
            casebook.Select(id, ExitTier.Good).OrThrow();
            casebook.WriteEditorial(id, "经验", null, "做法", null).OrThrow();
        }

        return casebook;
    }

    [Fact]
    public void A_regional_casebook_needs_its_region_and_a_national_one_has_none()
    {
        Assert.Equal(CasebookErrors.ScopeInvalid, Casebook.Create(CasebookScope.Region, null, "案例集", null, "首批", Now, "wg").Errors.Single().Code);
        Assert.Equal(CasebookErrors.ScopeInvalid, Casebook.Create(CasebookScope.National, 1, "案例集", null, "首批", Now, "cg").Errors.Single().Code);
        Assert.True(Casebook.Create(CasebookScope.National, null, "全国案例集", null, "2021–2023", Now, "cg").Succeeded);
        Assert.Contains(Casebook.Create(CasebookScope.Region, 1, " ", null, "首批", Now, "wg").Errors, e => e.Field == "TitleZh");
    }

    [Fact]
    public void Exemplary_cases_come_first_then_by_tier_in_the_order_selected()
    {
        var casebook = Draft();
        var (good, exemplary, qualified, exemplary2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        casebook.Select(good, ExitTier.Good).OrThrow();
        casebook.Select(qualified, ExitTier.Qualified).OrThrow();
        casebook.Select(exemplary, ExitTier.Exemplary).OrThrow();
        casebook.Select(exemplary2, ExitTier.Exemplary).OrThrow();

        Assert.Equal([exemplary, exemplary2, good, qualified], casebook.Cases.Select(c => c.ProjectId));
        Assert.Equal(CasebookErrors.CaseAlreadySelected, casebook.Select(good, ExitTier.Good).Errors.Single().Code);
    }

    [Fact]
    public void A_new_case_publishes_the_public_record_facts_and_withholds_the_internal_ones()
    {
        var id = Guid.NewGuid();
        var casebook = Ready(id);
        var policy = casebook.Cases.Single();

        Assert.All([CaseField.Profile, CaseField.ScenarioTechnology, CaseField.Innovation, CaseField.RegulatoryInsight, CaseField.ExitAndTier, CaseField.SupervisionEvents],
            f => Assert.True(policy.Publishes(f)));
        Assert.All([CaseField.ExpertScores, CaseField.MetricValues, CaseField.ComplaintCounts, CaseField.CustomerNumbers, CaseField.InternalNotes],
            f => Assert.False(policy.Publishes(f)));

        casebook.SetPolicy(id, [CaseField.Profile, CaseField.MetricValues]).OrThrow();
        Assert.Equal([CaseField.Profile, CaseField.MetricValues], casebook.Cases.Single().Published);
        Assert.Equal(CasebookErrors.FieldInvalid, casebook.SetPolicy(id, [(CaseField)99]).Errors.Single().Code);
        Assert.Equal(CasebookErrors.CaseNotFound, casebook.SetPolicy(Guid.NewGuid(), []).Errors.Single().Code);
    }

    [Fact]
    public void An_empty_casebook_or_one_without_editorial_text_is_refused()
    {
        var empty = Draft();
        Assert.Equal(CasebookErrors.Empty, empty.Publish("a", "b", Now, "wg").Errors.Single().Code);

        var id = Guid.NewGuid();
        empty.Select(id, ExitTier.Exemplary).OrThrow();
        empty.WriteEditorial(id, "经验", "Lessons", null, null).OrThrow();
        var refused = empty.Publish("a", "b", Now, "wg");
        Assert.Equal(CasebookErrors.EditorialMissing, refused.Errors.Single().Code);
        Assert.Equal(CasebookStatus.Draft, empty.Status);
    }

    [Fact]
    public void A_casebook_is_published_once_and_nothing_changes_after()
    {
        var id = Guid.NewGuid();
        var casebook = Ready(id);
        var before = casebook.Version;

        casebook.Publish("pdfhash", "docxhash", Now, "wg").OrThrow();

        Assert.Equal((CasebookStatus.Published, "pdfhash", "docxhash", (DateTimeOffset?)Now), (casebook.Status, casebook.PdfSha256, casebook.DocxSha256, casebook.PublishedAt));
        Assert.NotEqual(before, casebook.Version);
        var after = casebook.Version;
        Assert.Equal(CasebookErrors.AlreadyPublished, casebook.Publish("other", "other", Now, "wg").Errors.Single().Code);
        Assert.Equal(CasebookErrors.AlreadyPublished, casebook.SetPolicy(id, CaseFields.All.ToList()).Errors.Single().Code);
        Assert.Equal(CasebookErrors.AlreadyPublished, casebook.WriteEditorial(id, "改", null, "改", null).Errors.Single().Code);
        Assert.Equal(CasebookErrors.AlreadyPublished, casebook.Select(Guid.NewGuid(), ExitTier.Good).Errors.Single().Code);
        Assert.Equal(CasebookErrors.AlreadyPublished, casebook.Remove(id).Errors.Single().Code);
        Assert.Equal(CasebookErrors.AlreadyPublished, casebook.Rename("改", null, "首批").Errors.Single().Code);
        Assert.Equal((after, "pdfhash", CaseFields.PublicByDefault), (casebook.Version, casebook.PdfSha256, casebook.Cases.Single().Published));
    }

    [Fact]
    public void Each_change_records_its_event()
    {
        var id = Guid.NewGuid();
        var casebook = Ready(id);
        casebook.SetPolicy(id, [CaseField.CustomerNumbers]).OrThrow();
        casebook.Publish("p", "d", Now, "wg").OrThrow();

        var events = ((Common.IRecordsEvents)casebook).PendingEvents;
        Assert.IsType<CasebookCreated>(events[0]);
        Assert.Equal([CaseField.CustomerNumbers], Assert.IsType<CasebookPolicySet>(events[3]).InternalPublished);
        Assert.Equal([id], Assert.IsType<CasebookPublished>(events[^1]).ProjectIds);
    }

    [Fact]
    public void A_new_edition_supersedes_a_published_casebook_and_starts_from_its_cases_editorial_and_policy()
    {
        var id = Guid.NewGuid();
        var published = Ready(id);
        published.SetPolicy(id, [CaseField.Profile, CaseField.MetricValues]).OrThrow();
        Assert.Equal(CasebookErrors.NotPublished, Casebook.NewEdition(published, Now, "wg").Errors.Single().Code);
        published.Publish(new string('a', 64), new string('b', 64), Now, "wg").OrThrow();

        var next = Casebook.NewEdition(published, Now.AddDays(30), "wg2").ValueOrThrow();

        Assert.Equal((2, published.Id, CasebookStatus.Draft), (next.Edition, next.SupersedesId, next.Status));
        Assert.NotEqual(published.Id, next.Id);
        Assert.Equal((published.Scope, published.RegionId, published.TitleZh, published.TitleEn, published.Period), (next.Scope, next.RegionId, next.TitleZh, next.TitleEn, next.Period));
        Assert.Equal(published.Cases, next.Cases);
        Assert.Null(next.PdfSha256);
        Assert.IsType<CasebookEditionStarted>(Assert.Single(((IRecordsEvents)next).PendingEvents));

        // The draft is changed freely; the published edition is not.
        next.WriteEditorial(id, "更正后的经验", null, "做法", null).OrThrow();
        Assert.Equal("经验", published.Cases.Single().LessonsZh);
        Assert.Equal(CasebookErrors.AlreadyPublished, published.Remove(id).Errors.Single().Code);
        Assert.Equal(3, Casebook.NewEdition(PublishedCopy(next), Now, "wg").ValueOrThrow().Edition);
    }

    private static Casebook PublishedCopy(Casebook draft)
    {
        draft.Publish(new string('c', 64), new string('d', 64), Now, "wg").OrThrow();
        return draft;
    }
}
