using FinPilot.Web.Http;

namespace FinPilot.Web.Features.Probing;

/// <summary>自动探测 over HTTP: where a pilot's probed endpoints stand.</summary>
public static class ProbingApi
{
    public static IEndpointRouteBuilder MapProbingApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/supervision", "Probing")
            .MapGet("/projects/{id:guid}/probes", (Guid id, ProbeQueries q, CancellationToken ct) => q.ForProjectAsync(id, ct).ToHttp(TypedResults.Ok))
            .WithName("ListProbes")
            .WithSummary("The pilot's probed endpoints: status, latency, last error, failures in a row, availability over 24 hours and 7 days, and the latest results.");
        return app;
    }
}
