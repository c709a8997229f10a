namespace FinPilot.Web.Features.Users;

public static class UsersSetup
{
    /// <summary>User administration: accounts and their role grants.</summary>
    public static IHostApplicationBuilder AddUsers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddScoped<UserQueries>();
        return builder;
    }

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app) => app.MapUsersApi();
}
