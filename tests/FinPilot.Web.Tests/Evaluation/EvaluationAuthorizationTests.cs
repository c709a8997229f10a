using System.Security.Claims;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Regions;
using FinPilot.Web.Features.Users;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static FinPilot.Web.Tests.Infrastructure.Grants;

namespace FinPilot.Web.Tests.Evaluation;

/// <summary>The evaluation handlers' denials, rule by rule, and once through IAuthorizationService with grants read from the database.</summary>
public sealed class EvaluationAuthorizationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string ExpertId = "user-expert";
    private const string OtherExpertId = "user-other-expert";
    private static readonly DateTimeOffset Now = new(2025, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));


    public static TheoryData<RoleGrant, bool> ManagesBeijingRounds => new()
    {
        { Admin, true }, { NationalSecretariat, true }, { SecretariatBeijing, true }, { SecretariatShanghai, false },
        { WorkingGroupBeijing, false }, { Coordination, false }, { Integrity, false }, { Expert, false }, { LeadApplicant, false },
    };

    [Theory, MemberData(nameof(ManagesBeijingRounds))]
    public void Rounds_are_created_and_run_by_the_secretariat_of_their_region(RoleGrant grant, bool allowed)
    {
        var round = Round();
        Assert.Equal(allowed, RoundOperations.Create.Allows([grant], new RegionScope(Beijing)));
        Assert.Equal(allowed, RoundAuthorizationHandler.Allows([grant], RoundOperations.Manage, round));
        Assert.Equal(allowed, AssignmentAuthorizationHandler.Allows([grant], "someone", AssignmentOperations.Reopen, new AssignmentInRound(round, Assign(round))));
    }

    [Fact]
    public void Round_results_are_read_by_the_overseers_and_the_regions_working_group_but_not_by_other_regions_or_experts()
    {
        var round = Round();
        Assert.True(RoundAuthorizationHandler.Allows([SecretariatBeijing], RoundOperations.Read, round));
        Assert.True(RoundAuthorizationHandler.Allows([WorkingGroupBeijing], RoundOperations.Read, round));
        Assert.True(RoundAuthorizationHandler.Allows([Coordination], RoundOperations.Read, round));
        Assert.True(RoundAuthorizationHandler.Allows([Integrity], RoundOperations.Read, round));
        Assert.False(RoundAuthorizationHandler.Allows([SecretariatShanghai], RoundOperations.Read, round));
        Assert.False(RoundAuthorizationHandler.Allows([WorkingGroupShanghai], RoundOperations.Read, round));
        Assert.False(RoundAuthorizationHandler.Allows([Expert], RoundOperations.Read, round));
        Assert.False(RoundAuthorizationHandler.Allows([LeadApplicant], RoundOperations.Read, round));

        // Reading is not running, and an operation of another kind of record is never a round's to grant.
        Assert.False(RoundAuthorizationHandler.Allows([Coordination], RoundOperations.Manage, round));
        Assert.False(RoundAuthorizationHandler.Allows([Admin], MeetingOperations.Manage, round));
        Assert.False(RoundAuthorizationHandler.Allows([Admin], AssignmentOperations.Reopen, round));
    }

    public static TheoryData<OperationAuthorizationRequirement> ExpertsOwnOperations => new()
    {
        AssignmentOperations.View, AssignmentOperations.Declare, AssignmentOperations.Score,
    };

    [Theory, MemberData(nameof(ExpertsOwnOperations))]
    public void Only_the_assigned_expert_acts_on_an_assignment_and_not_once_conflicted(OperationAuthorizationRequirement operation)
    {
        var round = Round();
        var assignment = new AssignmentInRound(round, Assign(round));
        Assert.True(AssignmentAuthorizationHandler.Allows([Expert], ExpertId, operation, assignment));

        // Another expert's assignment, the assigned expert without the role, the secretariat, no user at all.
        Assert.False(AssignmentAuthorizationHandler.Allows([Expert], OtherExpertId, operation, assignment));
        Assert.False(AssignmentAuthorizationHandler.Allows([WorkingGroupBeijing], ExpertId, operation, assignment));
        Assert.False(AssignmentAuthorizationHandler.Allows([SecretariatBeijing, Admin], "secretariat", operation, assignment));
        Assert.False(AssignmentAuthorizationHandler.Allows([Expert], null, operation, assignment));

        Assert.True(round.Open(Now).Succeeded);
        Assert.True(assignment.Assignment.DeclareConflict(round, Now, "曾任该机构顾问").Succeeded);
        Assert.False(AssignmentAuthorizationHandler.Allows([Expert], ExpertId, operation, assignment));
    }

    [Fact]
    public void Reopening_is_the_secretariats_even_for_a_conflicted_assignment_and_never_the_experts()
    {
        var round = Round();
        var assignment = new AssignmentInRound(round, Assign(round));
        Assert.True(round.Open(Now).Succeeded);
        Assert.True(assignment.Assignment.DeclareConflict(round, Now, "曾任该机构顾问").Succeeded);

        Assert.True(AssignmentAuthorizationHandler.Allows([SecretariatBeijing], "secretariat", AssignmentOperations.Reopen, assignment));
        Assert.False(AssignmentAuthorizationHandler.Allows([Expert], ExpertId, AssignmentOperations.Reopen, assignment));
        Assert.False(AssignmentAuthorizationHandler.Allows([SecretariatShanghai], "secretariat", AssignmentOperations.Reopen, assignment));
        Assert.False(AssignmentAuthorizationHandler.Allows([Admin], ExpertId, RoundOperations.Manage, assignment));
    }

    [Fact]
    public void The_pool_is_kept_by_any_secretariat_read_by_integrity_officers_and_each_expert_keeps_their_own_declarations()
    {
        Assert.True(ExpertAuthorizationHandler.Allows([SecretariatShanghai], null, ExpertOperations.Manage, null));
        Assert.True(ExpertAuthorizationHandler.Allows([Admin], null, ExpertOperations.Manage, null));
        Assert.False(ExpertAuthorizationHandler.Allows([Integrity], null, ExpertOperations.Manage, null));
        Assert.False(ExpertAuthorizationHandler.Allows([Expert], ExpertId, ExpertOperations.Manage, null));
        Assert.False(ExpertAuthorizationHandler.Allows([WorkingGroupBeijing], null, ExpertOperations.Manage, null));

        var profile = new ExpertRecord(ExpertId);
        Assert.True(ExpertAuthorizationHandler.Allows([SecretariatShanghai], null, ExpertOperations.Read, profile));
        Assert.True(ExpertAuthorizationHandler.Allows([Integrity], null, ExpertOperations.Read, profile));
        Assert.True(ExpertAuthorizationHandler.Allows([Expert], ExpertId, ExpertOperations.Read, profile));
        Assert.False(ExpertAuthorizationHandler.Allows([Expert], OtherExpertId, ExpertOperations.Read, profile));
        Assert.False(ExpertAuthorizationHandler.Allows([Coordination], null, ExpertOperations.Read, profile));
        Assert.False(ExpertAuthorizationHandler.Allows([Admin], null, ExpertOperations.Read, null));

        Assert.True(ExpertAuthorizationHandler.Allows([Expert], ExpertId, ExpertOperations.Declare, null));
        Assert.False(ExpertAuthorizationHandler.Allows([SecretariatBeijing], "secretariat", ExpertOperations.Declare, null));

        var declaration = new ConflictDeclaration { Id = Guid.NewGuid(), ExpertUserId = ExpertId, Text = "x", DeclaredAt = Now };
        Assert.True(ExpertAuthorizationHandler.Allows([Expert], ExpertId, ExpertOperations.EndDeclaration, declaration));
        Assert.False(ExpertAuthorizationHandler.Allows([Expert], OtherExpertId, ExpertOperations.EndDeclaration, declaration));
        Assert.False(ExpertAuthorizationHandler.Allows([Admin, SecretariatBeijing], "secretariat", ExpertOperations.EndDeclaration, declaration));
        Assert.False(ExpertAuthorizationHandler.Allows([Expert], ExpertId, ExpertOperations.EndDeclaration, null));
    }

    [Fact]
    public void Questions_are_answered_by_the_lead_organisation_only()
    {
        var project = Project();
        Assert.True(ExpertAuthorizationHandler.Allows([LeadApplicant], null, QuestionOperations.Answer, project));
        Assert.False(ExpertAuthorizationHandler.Allows([OtherApplicant], null, QuestionOperations.Answer, project));
        Assert.False(ExpertAuthorizationHandler.Allows([WorkingGroupBeijing], null, QuestionOperations.Answer, project));
        Assert.False(ExpertAuthorizationHandler.Allows([Expert], ExpertId, QuestionOperations.Answer, project));
        Assert.False(ExpertAuthorizationHandler.Allows([LeadApplicant], null, ProjectOperations.View, project));
    }

    [Theory, AllProviders]
    public async Task The_service_asks_the_evaluation_handlers_with_grants_read_from_the_database(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());
        var shanghai = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "SH").Select(r => r.Id).SingleAsync());
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var secretariat = await app.CreateUserAsync($"authz-sec-bj-{stamp}@example.cn", Role.EvaluationSecretariat, beijing);
        var expert = await app.CreateUserAsync($"authz-ex-{stamp}@example.cn", Role.Expert);
        var other = await app.CreateUserAsync($"authz-ex2-{stamp}@example.cn", Role.Expert);

        var round = EvaluationRound.Create(Guid.NewGuid(), Guid.NewGuid(), beijing, "授权测试 征集", new RoundSettings(null, 3, new DateOnly(2025, 10, 14), false), Now, "someone").Value!;
        var assignment = new AssignmentInRound(round, round.Assign(Guid.NewGuid(), Guid.NewGuid(), expert.User.Id, AssignmentSource.Manual, Now, "someone").Value!);

        await using var scope = app.Services.CreateAsyncScope();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        async Task<bool> May(CreatedUser user, object? resource, IAuthorizationRequirement operation) =>
            (await authorization.AuthorizeAsync(Principal(user.User.Id), resource, operation)).Succeeded;

        Assert.True(await May(secretariat, round, RoundOperations.Manage));
        Assert.True(await May(secretariat, new RegionScope(beijing), RoundOperations.Create));
        Assert.False(await May(secretariat, new RegionScope(shanghai), RoundOperations.Create));
        Assert.False(await May(expert, round, RoundOperations.Read));
        Assert.True(await May(expert, assignment, AssignmentOperations.Score));
        Assert.False(await May(other, assignment, AssignmentOperations.Score));
        Assert.False(await May(secretariat, assignment, AssignmentOperations.Declare));
        Assert.True(await May(secretariat, assignment, AssignmentOperations.Reopen));
        Assert.True(await May(secretariat, null, ExpertOperations.Manage));
        Assert.False(await May(expert, null, ExpertOperations.Manage));
        Assert.True(await May(expert, new ExpertRecord(expert.User.Id), ExpertOperations.Read));
        Assert.False(await May(expert, new ExpertRecord(other.User.Id), ExpertOperations.Read));
    }

    private static EvaluationRound Round() =>
        EvaluationRound.Create(Guid.NewGuid(), Guid.NewGuid(), Beijing, "第一批 征集", new RoundSettings(null, 3, new DateOnly(2025, 10, 14), false), Now, "someone").Value!;

    private static ExpertAssignment Assign(EvaluationRound round) =>
        round.Assign(Guid.NewGuid(), Guid.NewGuid(), ExpertId, AssignmentSource.Solver, Now, "someone").Value!;

    private static PilotProject Project() =>
        PilotProject.Create(Guid.NewGuid(), Guid.NewGuid(), Beijing, Lead, ProjectCategory.BusinessInnovation, "问答授权测试", DateTimeOffset.UtcNow, "someone").Value!;

    private static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));
}
