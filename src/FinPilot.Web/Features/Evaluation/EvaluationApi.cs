using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Projects;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>专业评估 over HTTP: the expert pool, rounds and assignment, scoring, questions, results.</summary>
public static class EvaluationApi
{
    public sealed record ExpertDto(
        string UserId, string Name, string Email, Guid? EmployerOrganisationId, string? EmployerName, IReadOnlyList<ExpertDomain> Domains,
        IReadOnlyList<int> RegionIds, IReadOnlyList<string> Tags, IReadOnlyList<ProjectCategory> Categories, string? Profile, bool Available, int MaxLoad,
        IReadOnlyList<Employment> History, Guid? Version)
    {
        public static ExpertDto From(ExpertRow row) => new(
            row.UserId, row.DisplayName, row.Email, row.Profile?.EmployerOrganisationId, row.Profile?.EmployerName, row.Profile?.Domains ?? [],
            row.Profile?.RegionIds ?? [], row.Profile?.Tags ?? [], row.Profile?.Categories ?? [], row.Profile?.Profile, row.Profile?.Available ?? false,
            row.Profile?.MaxLoad ?? 0, row.Profile?.History ?? [], row.Profile?.Version);
    }

    public sealed record ExpertRequest(
        Guid? EmployerOrganisationId, string? EmployerName, IReadOnlyList<ExpertDomain>? Domains, IReadOnlyList<int>? RegionIds, IReadOnlyList<string>? Tags,
        IReadOnlyList<ProjectCategory>? Categories, string? Profile, bool Available, int MaxLoad, IReadOnlyList<Employment>? History, Guid? Version);

    public sealed record DeclarationRequest(ConflictDeclarationKind Kind, Guid? OrganisationId, string? Text);

    public sealed record DeclarationDto(Guid Id, ConflictDeclarationKind Kind, Guid? OrganisationId, string Text, DateTimeOffset DeclaredAt, DateTimeOffset? EndedAt);

    public sealed record RoundRequest(Guid CallId, string? Title, int? ExpertsPerProject, DateOnly? Deadline, bool ShowPeerScores, CategoryWeights? Weights, Rubric? Rubric);

    public sealed record RoundSettingsRequest(string? Title, int ExpertsPerProject, DateOnly Deadline, bool ShowPeerScores, CategoryWeights? Weights, Rubric? Rubric, Guid Version);

    public sealed record RoundDto(
        Guid Id, Guid CallId, int RegionId, string Title, RoundStatus Status, int ExpertsPerProject, DateOnly Deadline, DateOnly EffectiveDeadline, bool DeadlinePaused,
        bool ShowPeerScores, Rubric Rubric, CategoryWeights Weights, SolveReport? LastSolve, IReadOnlyList<Guid> Projects, IReadOnlyList<AssignmentDto> Assignments,
        IReadOnlyList<PairRuleDto> Rules, Guid Version);

    public sealed record RoundRowDto(Guid Id, Guid CallId, string Call, string Title, RoundStatus Status, DateOnly Deadline, int Projects, int Assignments, int Submitted);

    public sealed record AssignmentDto(Guid Id, Guid ProjectId, string ExpertUserId, string ExpertName, AssignmentSource Source, AssignmentState State, DateTimeOffset? SubmittedAt);

    public sealed record PairRuleDto(Guid ProjectId, string ExpertUserId, PairRuleKind Kind);

    public sealed record PairRequest(Guid ProjectId, string ExpertUserId);

    public sealed record RuleRequest(Guid ProjectId, string ExpertUserId, PairRuleKind? Kind);

    public sealed record VersionRequest(Guid Version);

    public sealed record ReasonRequest(string Reason);

    public sealed record OutcomeRequest(string Outcome);

    public sealed record SheetRequest(ScoreSheet Sheet, Guid Version);

    public sealed record QuestionRequest(string Text, bool PauseDeadline);

    public sealed record AnswerRequest(string Answer);

    public sealed record QuestionDto(Guid Id, string Text, DateTimeOffset AskedAt, bool PausesDeadline, string? Answer, DateTimeOffset? AnsweredAt)
    {
        public static QuestionDto From(EvaluationQuestion q) => new(q.Id, q.Text, q.AskedAt, q.PausesDeadline, q.Answer, q.AnsweredAt);
    }

    public sealed record MyAssignmentDto(Guid Id, Guid RoundId, string Round, Guid ProjectId, string Project, AssignmentState State, DateOnly Deadline, bool DeadlinePaused);

    public sealed record ScoringDto(
        Guid Id, AssignmentState State, string Project, string Lead, ScoreSheet? Sheet, Rubric Rubric, DateOnly Deadline, bool Late,
        IReadOnlyList<QuestionDto> Questions, Guid Version);

    public sealed record ProjectResultDto(Guid ProjectId, string Title, ProjectCategory Category, int Rank, ProjectAggregate Aggregate, string? Consensus);

    public sealed record SummaryDto(Guid RoundId, IReadOnlyList<ProjectResultDto> Projects, IReadOnlyList<ExpertLeniency> Experts);

    public sealed record ReportSheetDto(string Expert, IReadOnlyList<ExpertDomain> Domains, ScoreSheet Sheet, DateTimeOffset? SubmittedAt);

    public sealed record ReportDto(Guid RoundId, Guid ProjectId, string Title, ProjectResultDto? Result, IReadOnlyList<ReportSheetDto> Sheets, IReadOnlyList<string> Dissent, IReadOnlyList<QuestionDto> Questions);

    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/evaluation", "Evaluation");
        group.MapGet("/experts", ListExperts).WithName("ListExperts").WithSummary("The expert pool (secretariat): search, domain and region filters, pages.");
        group.MapGet("/experts/{userId}", GetExpert).WithName("GetExpert").WithSummary("One expert's profile.");
        group.MapPut("/experts/{userId}", SaveExpert).WithName("SaveExpert").WithSummary("Write an expert's profile: employer, domains, sub-groups, tags, load, history.");
        group.MapGet("/experts/{userId}/declarations", Declarations).WithName("ListConflictDeclarations").WithSummary("An expert's standing conflict declarations.");
        group.MapPost("/declarations", Declare).WithName("DeclareConflict").WithSummary("The signed-in expert declares a standing conflict (organisation, person, other).");
        group.MapPost("/declarations/{id:guid}/end", (Guid id, ExpertPool pool, CancellationToken ct) => pool.EndDeclarationAsync(id, ct).ToHttp())
            .WithName("EndConflictDeclaration").WithSummary("Mark one's own declaration as no longer current (it stays on record).");

        group.MapGet("/rounds", ListRounds).WithName("ListRounds").WithSummary("Rounds the caller may read.");
        group.MapPost("/rounds", CreateRound).WithName("CreateRound").WithSummary("Open a round for a call's projects in evaluation.");
        group.MapGet("/rounds/{id:guid}", GetRound).WithName("GetRound").WithSummary("A round with its projects, assignment and solver report.");
        group.MapPut("/rounds/{id:guid}", (Guid id, RoundSettingsRequest r, RoundService s, CancellationToken ct) =>
                s.UpdateSettingsAsync(id, new RoundSettings(r.Title, r.ExpertsPerProject, r.Deadline, r.ShowPeerScores, r.Weights, r.Rubric), r.Version, ct).ToHttp())
            .WithName("UpdateRound").WithSummary("Change a round's settings while it is prepared.");
        group.MapPost("/rounds/{id:guid}/solve", Solve).WithName("SolveAssignment")
            .WithSummary("Assign experts to the whole round with the min-cost-flow solver; infeasibility is explained.");
        group.MapPut("/rounds/{id:guid}/rules", (Guid id, RuleRequest r, RoundService s, CancellationToken ct) => s.SetRuleAsync(id, r.ProjectId, r.ExpertUserId, r.Kind, ct).ToHttp())
            .WithName("SetPairRule").WithSummary("Pin or forbid an expert for a project (kind null clears).");
        group.MapPost("/rounds/{id:guid}/assignments", (Guid id, PairRequest r, RoundService s, CancellationToken ct) => s.AddAsync(id, r.ProjectId, r.ExpertUserId, ct).ToHttp())
            .WithName("AddAssignment").WithSummary("Assign by hand, with conflicts, forbidden pairs and loads checked.");
        group.MapDelete("/assignments/{id:guid}", (Guid id, RoundService s, CancellationToken ct) => s.RemoveAsync(id, ct).ToHttp())
            .WithName("RemoveAssignment").WithSummary("Take an expert off a project.");
        group.MapPost("/rounds/{id:guid}/open", (Guid id, VersionRequest r, RoundService s, CancellationToken ct) => s.OpenAsync(id, r.Version, ct).ToHttp())
            .WithName("OpenRound").WithSummary("Open for scoring once every project has its experts and domains.");
        group.MapPost("/rounds/{id:guid}/complete", (Guid id, VersionRequest r, RoundService s, CancellationToken ct) => s.CompleteAsync(id, r.Version, ct).ToHttp())
            .WithName("CompleteRound").WithSummary("All sheets in, disagreements settled: the projects go to deliberation.");
        group.MapPut("/rounds/{id:guid}/projects/{projectId:guid}/consensus", (Guid id, Guid projectId, OutcomeRequest r, RoundService s, CancellationToken ct) =>
                s.RecordConsensusAsync(id, projectId, r.Outcome, ct).ToHttp())
            .WithName("RecordConsensus").WithSummary("Record the outcome of a consensus discussion on a flagged project.");
        group.MapGet("/rounds/{id:guid}/summary", Summary).WithName("GetRoundSummary").WithSummary("Ranking per category, aggregates, calibration and flags.");
        group.MapGet("/rounds/{id:guid}/projects/{projectId:guid}/report", Report).WithName("GetEvaluationReport").WithSummary("The evaluation report of one project.");
        group.MapGet("/rounds/{id:guid}/export.xlsx", Export).WithName("ExportRound").WithSummary("The round as an XLSX workbook.");
        group.MapPost("/assignments/{id:guid}/reopen", (Guid id, ReasonRequest r, ScoringService s, CancellationToken ct) => s.ReopenAsync(id, r.Reason, ct).ToHttp())
            .WithName("ReopenSheet").WithSummary("Reopen one expert's submitted sheet, with a reason (audited).");

        group.MapGet("/my/assignments", Mine).WithName("MyAssignments").WithSummary("The signed-in expert's assignments.");
        group.MapGet("/my/assignments/{id:guid}", GetScoring).WithName("GetMyAssignment").WithSummary("One assignment; the project's content only after the no-conflict declaration.");
        group.MapPost("/my/assignments/{id:guid}/no-conflict", (Guid id, ScoringService s, CancellationToken ct) => s.ConfirmNoConflictAsync(id, ct).ToHttp())
            .WithName("ConfirmNoConflict").WithSummary("Declare no conflict of interest with this project.");
        group.MapPost("/my/assignments/{id:guid}/conflict", (Guid id, ReasonRequest r, ScoringService s, CancellationToken ct) => s.DeclareConflictAsync(id, r.Reason, ct).ToHttp())
            .WithName("DeclareAssignmentConflict").WithSummary("Declare a conflict with this project; it is closed to you from then on.");
        group.MapPut("/my/assignments/{id:guid}/sheet", (Guid id, SheetRequest r, ScoringService s, CancellationToken ct) => s.SaveDraftAsync(id, r.Sheet ?? ScoreSheets.Empty, r.Version, ct).ToHttp())
            .WithName("SaveSheetDraft").WithSummary("Save the score sheet as a draft.");
        group.MapPost("/my/assignments/{id:guid}/submit", (Guid id, SheetRequest r, ScoringService s, CancellationToken ct) => s.SubmitAsync(id, r.Sheet ?? ScoreSheets.Empty, r.Version, ct).ToHttp())
            .WithName("SubmitSheet").WithSummary("Submit the score sheet, which locks it.");
        group.MapPost("/my/assignments/{id:guid}/questions", Ask).WithName("AskApplicant").WithSummary("Ask the applicant a question; optionally pause the deadline until answered.");

        group.MapGet("/projects/{projectId:guid}/questions", QuestionsForApplicant).WithName("ListEvaluationQuestions").WithSummary("The questions on the caller's project (lead applicant).");
        group.MapPost("/questions/{id:guid}/answer", (Guid id, AnswerRequest r, ScoringService s, CancellationToken ct) => s.AnswerAsync(id, r.Answer, ct).ToHttp())
            .WithName("AnswerQuestion").WithSummary("The lead applicant answers an evaluation question.");
        group.MapGet("/integrity", Integrity).WithName("GetIntegrityReport").WithSummary("Conflicts declared and found, reopened sheets, deviating experts.");
        return app;
    }

    private static async Task<Results<Ok<Page<ExpertDto>>, ProblemHttpResult>> ListExperts(
        string? q, ExpertDomain? domain, int? regionId, int? page, int? pageSize, ExpertPool pool, CancellationToken ct)
    {
        var found = await pool.ListAsync(new ExpertFilter(q, domain, regionId, page, pageSize), ct);
        return found.ToHttp(value => TypedResults.Ok(new Page<ExpertDto>(value.Items.Select(ExpertDto.From).ToList(), value.PageNumber, value.PageSize, value.Total)));
    }

    private static async Task<Results<Ok<ExpertDto>, ProblemHttpResult>> GetExpert(string userId, ExpertPool pool, CancellationToken ct)
    {
        var found = await pool.GetAsync(userId, ct);
        return found.ToHttp(value => TypedResults.Ok(ExpertDto.From(value)));
    }

    private static async Task<Results<Ok<ExpertDto>, ProblemHttpResult>> SaveExpert(string userId, ExpertRequest r, ExpertPool pool, CancellationToken ct)
    {
        var saved = await pool.SaveAsync(userId, new ExpertProfileInput(
            r.EmployerOrganisationId, r.EmployerName, r.Domains ?? [], r.RegionIds ?? [], r.Tags ?? [], r.Categories ?? [], r.Profile, r.Available, r.MaxLoad, r.History ?? []), r.Version, ct);
        return saved.Succeeded ? await GetExpert(userId, pool, ct) : Problems.From(saved.Errors);
    }

    private static async Task<Results<Ok<IReadOnlyList<DeclarationDto>>, ProblemHttpResult>> Declarations(string userId, ExpertPool pool, CancellationToken ct)
    {
        var found = await pool.DeclarationsAsync(userId, ct);
        return found.ToHttp(value => TypedResults.Ok<IReadOnlyList<DeclarationDto>>(value.Select(d => new DeclarationDto(d.Id, d.Kind, d.OrganisationId, d.Text, d.DeclaredAt, d.EndedAt)).ToList()));
    }

    private static async Task<Results<Created<DeclarationDto>, ProblemHttpResult>> Declare(DeclarationRequest r, ExpertPool pool, CancellationToken ct)
    {
        var made = await pool.DeclareAsync(r.Kind, r.OrganisationId, r.Text, ct);
        return made.ToHttp(d => TypedResults.Created($"/api/v1/evaluation/experts/{d.ExpertUserId}/declarations", new DeclarationDto(d.Id, d.Kind, d.OrganisationId, d.Text, d.DeclaredAt, d.EndedAt)));
    }

    private static async Task<Ok<Page<RoundRowDto>>> ListRounds(int? page, int? pageSize, RoundReader reader, CancellationToken ct)
    {
        var found = await reader.ListAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<RoundRowDto>([.. found.Items.Select(r => new RoundRowDto(
            r.Round.Id, r.Round.CallId, r.CallTitle, r.Round.Title, r.Round.Status, r.Round.Deadline, r.Projects, r.Assignments, r.Submitted))], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Created<RoundDto>, ProblemHttpResult>> CreateRound(RoundRequest r, RoundService rounds, RoundReader reader, CancellationToken ct)
    {
        var created = await rounds.CreateAsync(r.CallId, new RoundSettings(
            r.Title, r.ExpertsPerProject ?? EvaluationRound.DefaultExpertsPerProject, r.Deadline ?? await rounds.DefaultDeadlineAsync(ct), r.ShowPeerScores, r.Weights, r.Rubric), ct);
        if (!created.Succeeded)
        {
            return Problems.From(created.Errors);
        }

        var view = await reader.ViewAsync(created.Value.Id, ct);
        return TypedResults.Created($"/api/v1/evaluation/rounds/{created.Value.Id}", ToDto(view.ValueOrThrow()));
    }

    private static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> GetRound(Guid id, RoundReader reader, CancellationToken ct)
    {
        var view = await reader.ViewAsync(id, ct);
        return view.ToHttp(value => TypedResults.Ok(ToDto(value)));
    }

    private static async Task<Results<Ok<SolveReport>, ProblemHttpResult>> Solve(Guid id, RoundService rounds, CancellationToken ct)
    {
        var report = await rounds.SolveAsync(id, ct);
        return report.ToHttp(value => TypedResults.Ok(value));
    }

    private static async Task<Results<Ok<SummaryDto>, ProblemHttpResult>> Summary(Guid id, RoundReader reader, CancellationToken ct)
    {
        var found = await reader.SummaryAsync(id, ct);
        return found.ToHttp(value => TypedResults.Ok(new SummaryDto(id, value.Projects.Select(ToDto).ToList(), value.Experts)));
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Report(Guid id, Guid projectId, RoundReader reader, CancellationToken ct)
    {
        var found = await reader.ReportAsync(id, projectId, ct);
        return found.ToHttp(r => TypedResults.Ok(new ReportDto(
            id, projectId, r.Project.Project.Title, r.Summary is null ? null : ToDto(r.Summary),
            r.Sheets.Select(s => new ReportSheetDto(s.ExpertName, s.Domains, s.Assignment.Sheet, s.Assignment.SubmittedAt)).ToList(),
            r.Dissenters, r.Questions.Select(QuestionDto.From).ToList())));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid id, RoundExport export, CancellationToken ct)
    {
        var file = await export.ExportAsync(id, ct);
        return file.ToHttp(value => TypedResults.File(value, RoundExport.ContentType, $"evaluation-{id}.xlsx"));
    }

    private static async Task<Ok<IReadOnlyList<MyAssignmentDto>>> Mine(ScoringService scoring, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<MyAssignmentDto>>((await scoring.MineAsync(ct)).Select(m => new MyAssignmentDto(
            m.Assignment.Id, m.Round.Id, m.Round.Title, m.Assignment.ProjectId, m.ProjectTitle, m.Assignment.State, m.Deadline.Effective, m.Deadline.Paused)).ToList());

    private static async Task<Results<Ok<ScoringDto>, ProblemHttpResult>> GetScoring(Guid id, ScoringService scoring, CancellationToken ct)
    {
        var found = await scoring.GetAsync(id, ct);
        return found.ToHttp(v => TypedResults.Ok(new ScoringDto(
            v.Assignment.Id, v.Assignment.State, v.Project.Project.Title, v.Project.LeadName, v.Assignment.OpensMaterials ? v.Assignment.Sheet : null, v.Round.Rubric,
            v.Deadline.Effective, v.Late, v.Questions.Select(QuestionDto.From).ToList(), v.Assignment.Version)));
    }

    private static async Task<Results<Created<QuestionDto>, ProblemHttpResult>> Ask(Guid id, QuestionRequest r, ScoringService scoring, CancellationToken ct)
    {
        var asked = await scoring.AskAsync(id, r.Text, r.PauseDeadline, ct);
        return asked.ToHttp(value => TypedResults.Created($"/api/v1/evaluation/questions/{value.Id}", QuestionDto.From(value)));
    }

    private static async Task<Results<Ok<IReadOnlyList<QuestionDto>>, ProblemHttpResult>> QuestionsForApplicant(Guid projectId, ScoringService scoring, CancellationToken ct)
    {
        var found = await scoring.QuestionsForApplicantAsync(projectId, ct);
        return found.ToHttp(value => TypedResults.Ok<IReadOnlyList<QuestionDto>>(value.Select(QuestionDto.From).ToList()));
    }

    private static async Task<Results<Ok<IntegrityView>, ProblemHttpResult>> Integrity(IntegrityReport report, CancellationToken ct)
    {
        var found = await report.GetAsync(ct);
        return found.ToHttp(value => TypedResults.Ok(value));
    }

    private static RoundDto ToDto(RoundView v) => new(
        v.Round.Id, v.Round.CallId, v.Round.RegionId, v.Round.Title, v.Round.Status, v.Round.ExpertsPerProject, v.Round.Deadline, v.Deadline.Effective, v.Deadline.Paused,
        v.Round.ShowPeerScores, v.Round.Rubric, v.Round.Weights, v.Round.LastSolve, v.Projects.Select(p => p.Project.Id).ToList(),
        v.Assignments.Select(a => new AssignmentDto(a.Id, a.ProjectId, a.ExpertUserId, v.Experts.GetValueOrDefault(a.ExpertUserId)?.Name ?? string.Empty, a.Source, a.State, a.SubmittedAt)).ToList(),
        v.Rules.Select(r => new PairRuleDto(r.ProjectId, r.ExpertUserId, r.Kind)).ToList(), v.Round.Version);

    private static ProjectResultDto ToDto(ProjectSummary p) => new(p.ProjectId, p.Title, p.Category, p.Rank, p.Aggregate, p.Consensus?.Outcome);
}
