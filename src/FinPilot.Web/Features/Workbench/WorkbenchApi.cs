using FinPilot.Web.Http;

namespace FinPilot.Web.Features.Workbench;

public static class WorkbenchApi
{
    public static IEndpointRouteBuilder MapWorkbenchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/workbench", "Workbench");
        group.MapGet("/", Read).WithName("GetWorkbench")
            .WithSummary("The caller's to-do list: each queue of its roles with its count and the most pressing items (take, 0–50, default 5), titles in the request's language.");
        return app;
    }

    private static async Task<IResult> Read(int? take, WorkbenchQueries queries, CancellationToken ct)
    {
        if (take is < 0 or > 50)
        {
            return Problems.From([new Domain.Common.Error(WorkbenchErrors.TakeOutOfRange, "take")]);
        }

        return TypedResults.Ok(await queries.ReadAsync(take ?? WorkbenchQueries.DefaultTake, ct));
    }
}

public static class WorkbenchErrors
{
    public static readonly Domain.Common.ErrorCode TakeOutOfRange = Domain.Common.ErrorCode.Validation("Workbench.TakeOutOfRange");
}
