using System.Globalization;
using FinPilot.Domain.Metrics;
using FinPilot.Web.Http;
using FinPilot.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace FinPilot.Web.Features.Metrics;

/// <summary>
/// 接口采集 over HTTP: the submission endpoint (API clients only), the data's JSON Schema, and the
/// management of an organisation's API clients (people only, through the ordinary API group).
/// </summary>
public static class MetricsApi
{
    public const string SubmissionPath = "/api/v1/supervision/projects/{id:guid}/metrics";

    public sealed record EventResultDto(int Index, string? Id, string? Source, string Status, string? Code, string? Field, string? Message);

    public sealed record SubmissionDto(Guid ProjectId, DateTimeOffset ReceivedAt, int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResultDto> Events, MetricReceipt? Receipt);

    public sealed record SecretDto(Guid Id, string Hint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RetiredAt);

    public sealed record ApiClientDto(Guid Id, Guid OrganisationId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, IReadOnlyList<SecretDto> Secrets)
    {
        public static ApiClientDto From(ApiClient c) => new(
            c.Id, c.OrganisationId, c.Name, c.CreatedAt, c.RevokedAt, c.LastUsedAt,
            [.. c.Secrets.OrderBy(s => s.CreatedAt).Select(s => new SecretDto(s.Id, s.Hint, s.CreatedAt, s.ExpiresAt, s.RetiredAt))]);
    }

    /// <summary>The secret appears in this response and nowhere else, ever.</summary>
    public sealed record CreatedApiClientDto(ApiClientDto Client, string Secret);

    public sealed record RotatedSecretDto(SecretDto Secret, string Value);

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(SubmissionPath, Submit)
            .RequireAuthorization(ApiClientAuthenticationHandler.Policy)
            .DisableAntiforgery()
            .WithTags("Supervision metrics")
            .WithName("SubmitMetrics")
            .WithSummary("Submit metric samples of a pilot as CloudEvents 1.0 (application/cloudevents+json or application/cloudevents-batch+json), "
                + "authenticated by an API client (Authorization: Bearer fpc_…). Answers per event accepted / duplicate / rejected, with a signed receipt.");

        app.MapGet(MetricEventRules.SchemaPath, Schema).AllowAnonymous().WithTags("Supervision metrics").WithName("MetricDataSchema")
            .WithSummary("The JSON Schema of a metric event's data (its dataschema).");

        var clients = app.MapApiGroup("/organisations/{organisationId:guid}/api-clients", "API clients");
        clients.MapGet("/", List).WithName("ListApiClients").WithSummary("An organisation's API clients (never their secrets).");
        clients.MapPost("/", Create).WithName("CreateApiClient").WithSummary("Create an API client for the organisation; its first secret is returned once.");

        var client = app.MapApiGroup("/api-clients", "API clients");
        client.MapPost("/{id:guid}/rotate", Rotate).WithName("RotateApiClientSecret")
            .WithSummary("Issue a second secret; the old one stays valid until it expires or is retired. The new secret is returned once.");
        client.MapDelete("/{id:guid}/secrets/{secretId:guid}", Retire).WithName("RetireApiClientSecret").WithSummary("Retire one secret at once.");
        client.MapDelete("/{id:guid}", Revoke).WithName("RevokeApiClient").WithSummary("Revoke the client: every secret stops at once.");
        return app;
    }

    private static async Task<IResult> Submit(
        Guid id, HttpContext http, MetricIngestion ingestion, IngestionRateLimiter limiter, IngestionOptions options, CancellationToken ct)
    {
        var user = http.User;
        if (ApiClientClaims.ClientOf(user) is not { } clientId || ApiClientClaims.OrganisationOf(user) is not { } organisationId)
        {
            return Problems.Denied();
        }

        if (limiter.Take(clientId) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status429TooManyRequests, Say(MetricsStrings.Limit_TooManyRequests, options.RequestsPerSecond, options.Burst));
        }

        bool batch;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType))
        {
            return UnsupportedMediaType();
        }
        else if (mediaType.MediaType.Equals(MetricEventReader.BatchMediaType, StringComparison.OrdinalIgnoreCase))
        {
            batch = true;
        }
        else if (mediaType.MediaType.Equals(MetricEventReader.StructuredMediaType, StringComparison.OrdinalIgnoreCase))
        {
            batch = false;
        }
        else
        {
            return UnsupportedMediaType();
        }

        var body = await ReadBodyAsync(http.Request, options.MaxBodyBytes, ct);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, Say(MetricsStrings.Limit_BodyTooLarge, options.MaxBodyBytes));
        }

        var events = MetricEventReader.Read(body.Value, batch, options.MaxEventsPerBatch, out var count);
        if (events is null)
        {
            return Problem(StatusCodes.Status400BadRequest, batch ? MetricsStrings.Submit_NotABatch : MetricsStrings.Submit_NotAnEvent);
        }

        if (count > options.MaxEventsPerBatch)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, Say(MetricsStrings.Limit_TooManyEvents, count, options.MaxEventsPerBatch));
        }

        var submitted = await ingestion.SubmitAsync(id, clientId, organisationId, events, ct);
        return submitted.ToHttp(r => TypedResults.Ok(new SubmissionDto(
            r.ProjectId, r.ReceivedAt, r.Accepted, r.Duplicates, r.Rejected,
            [.. r.Events.Select(e => new EventResultDto(e.Index, e.Id, e.Source, Status(e.Status), e.Code, e.Field, e.Message))],
            r.Receipt)));
    }

    private static string Status(EventOutcome outcome) => outcome switch
    {
        EventOutcome.Accepted => "accepted",
        EventOutcome.Duplicate => "duplicate",
        _ => "rejected",
    };

    /// <summary>The body, or null when it is larger than the limit (told by Content-Length or found while reading).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 64 * 1024);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Say(string template, params object[] arguments) => string.Format(CultureInfo.CurrentCulture, template, arguments);

    private static ProblemHttpResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, MetricsStrings.Submit_MediaType);

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: status == StatusCodes.Status400BadRequest ? Strings.Problem_Validation : Strings.Problem_Error, detail: detail);

    private static IResult Schema() => TypedResults.Text(MetricDataSchema.Json, "application/schema+json", System.Text.Encoding.UTF8);

    private static async Task<Results<Ok<List<ApiClientDto>>, ProblemHttpResult>> List(Guid organisationId, ApiClientAdministration clients, CancellationToken ct) =>
        (await clients.ListAsync(organisationId, ct)).ToHttp(value => TypedResults.Ok(value.Select(ApiClientDto.From).ToList()));

    private static async Task<Results<Created<CreatedApiClientDto>, ProblemHttpResult>> Create(Guid organisationId, NewApiClient input, ApiClientAdministration clients, CancellationToken ct) =>
        (await clients.CreateAsync(organisationId, input, ct)).ToHttp(value =>
            TypedResults.Created($"/api/v1/api-clients/{value.Client.Id}", new CreatedApiClientDto(ApiClientDto.From(value.Client), value.Secret)));

    private static async Task<Results<Ok<RotatedSecretDto>, ProblemHttpResult>> Rotate(Guid id, SecretLifetime? input, ApiClientAdministration clients, CancellationToken ct) =>
        (await clients.RotateAsync(id, input ?? new SecretLifetime(), ct)).ToHttp(value =>
            TypedResults.Ok(new RotatedSecretDto(new SecretDto(value.Secret.Id, value.Secret.Hint, value.Secret.CreatedAt, value.Secret.ExpiresAt, value.Secret.RetiredAt), value.Value)));

    private static Task<Results<NoContent, ProblemHttpResult>> Retire(Guid id, Guid secretId, ApiClientAdministration clients, CancellationToken ct) =>
        clients.RetireSecretAsync(id, secretId, ct).ToHttp();

    private static Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, ApiClientAdministration clients, CancellationToken ct) =>
        clients.RevokeAsync(id, ct).ToHttp();
}
