using FinPilot.Domain.Identity;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Identity;

public static class MeApi
{
    public sealed record GrantDto(Role Role, int? RegionId, Guid? OrganisationId);

    public sealed record MeDto(string Id, string? Email, string DisplayName, bool TwoFactorEnabled, IReadOnlyList<GrantDto> Grants);

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/me", "Identity")
            .MapGet("/", GetMe)
            .WithName("GetMe")
            .WithSummary("The signed-in user and the roles they hold, with scopes.");
        return app;
    }

    private static async Task<Ok<MeDto>> GetMe(CurrentUser current, Microsoft.AspNetCore.Identity.UserManager<User> users)
    {
        var user = await users.GetUserAsync(current.Principal);
        var grants = await current.GrantsAsync();
        return TypedResults.Ok(new MeDto(
            current.Id!,
            user?.Email,
            user?.DisplayName ?? string.Empty,
            user?.TwoFactorEnabled ?? false,
            grants.Select(g => new GrantDto(g.Role, g.RegionId, g.OrganisationId)).ToList()));
    }
}
