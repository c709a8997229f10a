using FinPilot.Domain.Evaluation;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>回避: which ties between an expert and a project's organisations keep the expert off it.</summary>
public sealed class ConflictRulesTests
{
    private static readonly Guid Lead = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid Partner = Guid.Parse("10000000-0000-0000-0000-000000000002");
    private static readonly Guid Elsewhere = Guid.Parse("10000000-0000-0000-0000-000000000003");
    private static readonly Guid ProjectId = Guid.Parse("20000000-0000-0000-0000-000000000001");

    /// <summary>Monday 30 June 2025.</summary>
    private static readonly DateOnly Today = new(2025, 6, 30);

    private static readonly ProjectParties Project = new(ProjectId, Lead, [Partner]);

    private static ExpertConflictFacts Expert(
        Guid? employer = null, Employment[]? history = null, Guid[]? memberOf = null, Guid[]? declaredOrganisations = null, Guid[]? declaredProjects = null) =>
        new("expert-1", employer, history ?? [], memberOf ?? [], declaredOrganisations ?? [], declaredProjects ?? []);

    private static IReadOnlyList<Conflict> Find(ExpertConflictFacts expert, int lookbackYears = ConflictRules.DefaultLookbackYears) =>
        ConflictRules.Find(expert, Project, Today, lookbackYears);

    [Fact]
    public void An_expert_with_no_ties_to_the_parties_has_no_conflict()
    {
        var expert = Expert(Elsewhere, [new Employment(Elsewhere, new(2010, 1, 1), null)], [Elsewhere], [Elsewhere], [Guid.NewGuid()]);

        Assert.Empty(Find(expert));
    }

    [Fact]
    public void Working_for_the_lead_is_a_conflict()
    {
        Assert.Equal([new Conflict(ConflictReason.EmployerIsParty, Lead)], Find(Expert(employer: Lead)));
    }

    [Fact]
    public void Working_for_a_partner_is_a_conflict()
    {
        Assert.Equal([new Conflict(ConflictReason.EmployerIsParty, Partner)], Find(Expert(employer: Partner)));
    }

    [Fact]
    public void A_past_post_with_a_party_that_ended_exactly_the_lookback_ago_is_a_conflict()
    {
        var expert = Expert(history: [new Employment(Partner, new(2015, 3, 1), new(2022, 6, 30))]);

        Assert.Equal([new Conflict(ConflictReason.FormerEmployerIsParty, Partner)], Find(expert, lookbackYears: 3));
    }

    [Fact]
    public void A_past_post_with_a_party_that_ended_one_day_before_the_lookback_is_not()
    {
        var expert = Expert(history: [new Employment(Partner, new(2015, 3, 1), new(2022, 6, 29))]);

        Assert.Empty(Find(expert, lookbackYears: 3));
    }

    [Theory]
    [InlineData(0, "2025-06-30", true)]
    [InlineData(0, "2025-06-29", false)]
    [InlineData(5, "2020-06-30", true)]
    [InlineData(5, "2020-06-29", false)]
    public void The_lookback_is_counted_in_calendar_years_back_from_today(int lookbackYears, string ended, bool conflict)
    {
        var expert = Expert(history: [new Employment(Lead, new(2010, 1, 1), DateOnly.Parse(ended, System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(conflict, Find(expert, lookbackYears).Count == 1);
    }

    [Fact]
    public void From_29_February_the_lookback_reaches_back_to_28_February()
    {
        var expert = Expert(history: [new Employment(Lead, new(2010, 1, 1), new(2021, 2, 28))]);

        Assert.Single(ConflictRules.Find(expert, Project, new DateOnly(2024, 2, 29), 3));
        Assert.Empty(ConflictRules.Find(expert, Project, new DateOnly(2024, 3, 1), 3));
    }

    [Fact]
    public void A_post_with_a_party_that_has_not_ended_is_a_conflict_however_long_ago_it_began()
    {
        var expert = Expert(employer: Elsewhere, history: [new Employment(Lead, new(1990, 1, 1), null)]);

        Assert.Equal([new Conflict(ConflictReason.FormerEmployerIsParty, Lead)], Find(expert, lookbackYears: 0));
    }

    [Fact]
    public void The_history_entry_of_the_current_employer_adds_no_second_conflict()
    {
        var expert = Expert(employer: Lead, history: [new Employment(Lead, new(2020, 1, 1), null)]);

        Assert.Equal([new Conflict(ConflictReason.EmployerIsParty, Lead)], Find(expert));
    }

    [Fact]
    public void Being_a_user_of_a_partner_is_a_conflict()
    {
        Assert.Equal([new Conflict(ConflictReason.MemberOfParty, Partner)], Find(Expert(memberOf: [Elsewhere, Partner])));
    }

    [Fact]
    public void A_declared_organisation_that_is_a_party_is_a_conflict()
    {
        Assert.Equal([new Conflict(ConflictReason.DeclaredOrganisation, Lead)], Find(Expert(declaredOrganisations: [Lead])));
    }

    [Fact]
    public void A_declared_project_is_a_conflict_without_an_organisation()
    {
        Assert.Equal([new Conflict(ConflictReason.DeclaredProject, null)], Find(Expert(declaredProjects: [ProjectId])));
    }

    [Fact]
    public void Every_reason_is_listed_by_reason_then_lead_before_partner()
    {
        var expert = Expert(
            employer: Partner,
            history: [new Employment(Lead, new(2018, 1, 1), new(2024, 12, 31))],
            memberOf: [Partner, Lead],
            declaredOrganisations: [Partner, Partner],
            declaredProjects: [ProjectId]);

        Assert.Equal(
            [
                new Conflict(ConflictReason.EmployerIsParty, Partner),
                new Conflict(ConflictReason.FormerEmployerIsParty, Lead),
                new Conflict(ConflictReason.MemberOfParty, Lead),
                new Conflict(ConflictReason.MemberOfParty, Partner),
                new Conflict(ConflictReason.DeclaredOrganisation, Partner),
                new Conflict(ConflictReason.DeclaredProject, null),
            ],
            Find(expert));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(ConflictRules.MaxLookbackYears + 1)]
    public void The_lookback_is_from_0_to_20_years(int lookbackYears)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Find(Expert(), lookbackYears));
    }

    [Fact]
    public void The_longest_lookback_is_accepted()
    {
        var expert = Expert(history: [new Employment(Lead, new(2000, 1, 1), new(2005, 6, 30))]);

        Assert.Single(Find(expert, ConflictRules.MaxLookbackYears));
    }

    [Fact]
    public void Having_coached_a_party_or_judged_it_at_a_roadshow_is_a_conflict()
    {
        var expert = Expert() with { CoachedOrganisations = [Partner, Elsewhere] };

        Assert.Equal([new Conflict(ConflictReason.CoachedParty, Partner)], Find(expert));
    }

    [Fact]
    public void A_coach_is_never_assigned_by_the_solver_to_the_coached_partys_application()
    {
        string[] tech = ["ai"];
        var coached = AssignmentTestData.Project(1, technologies: tech);
        var other = AssignmentTestData.Project(2, technologies: tech);
        var coach = AssignmentTestData.Expert("coach", [AssignmentTestData.Legal], tags: tech);
        var facts = Expert() with { ExpertId = "coach", CoachedOrganisations = [Lead] };
        var conflicts = new[] { coached, other }
            .Where(p => ConflictRules.Find(facts, new ProjectParties(p.Id, p.Id == coached.Id ? Lead : Elsewhere, []), Today, 3).Count > 0)
            .Select(p => AssignmentTestData.Pair(p, "coach"));
        var problem = AssignmentTestData.Problem([coached, other], [coach, .. AssignmentTestData.Trio("a")], conflicts: conflicts);

        var solution = FinPilot.Domain.Evaluation.Assignment.ExpertAssignmentSolver.Solve(problem);

        Assert.True(solution.Feasible);
        Assert.DoesNotContain(AssignmentTestData.Pair(coached, "coach"), solution.Pairs);
        Assert.Contains(AssignmentTestData.Pair(other, "coach"), solution.Pairs);
    }

    [Fact]
    public void The_stored_numbers_of_the_reasons_never_change()
    {
        Assert.Equal(
            [(ConflictReason.EmployerIsParty, 1), (ConflictReason.FormerEmployerIsParty, 2), (ConflictReason.MemberOfParty, 3),
                (ConflictReason.DeclaredOrganisation, 4), (ConflictReason.DeclaredProject, 5), (ConflictReason.CoachedParty, 6)],
            Enum.GetValues<ConflictReason>().Select(r => (r, (int)r)));
    }
}
