using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.ApiTokens;

public static class ApiTokensApi
{
    public sealed record ApiTokenDto(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
    {
        public static ApiTokenDto From(ApiToken t) => new(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
    }

    /// <summary>The secret appears in this response and nowhere else, ever.</summary>
    public sealed record CreatedApiTokenDto(ApiTokenDto Token, string Secret);

    public static IEndpointRouteBuilder MapApiTokensApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/tokens", "API tokens");
        group.MapGet("/", List).WithName("ListApiTokens").WithSummary("The caller's personal API tokens (never their secrets).");
        group.MapPost("/", Create).WithName("CreateApiToken").WithSummary("Create a personal API token; the secret is returned once.");
        group.MapDelete("/{id:guid}", Revoke).WithName("RevokeApiToken").WithSummary("Revoke one of the caller's tokens.");
        return app;
    }

    private static async Task<Ok<List<ApiTokenDto>>> List(ApiTokenService tokens, CancellationToken ct) =>
        TypedResults.Ok((await tokens.ListAsync(ct)).Select(ApiTokenDto.From).ToList());

    private static async Task<Results<Created<CreatedApiTokenDto>, ProblemHttpResult>> Create(NewApiToken input, ApiTokenService tokens, CancellationToken ct)
    {
        var result = await tokens.CreateAsync(input, ct);
        if (!result.Succeeded)
        {
            return Problems.From(result.Errors);
        }

        var (token, secret) = result.Value;
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", new CreatedApiTokenDto(ApiTokenDto.From(token), secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, ApiTokenService tokens, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(id, ct);
        return result.ToHttp();
    }
}
