using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Applications;

public static class ReferenceApi
{
    public sealed record ReferenceItemDto(int Id, ReferenceKind Kind, string Code, string NameZh, string NameEn, bool Active)
    {
        public static ReferenceItemDto From(ReferenceItem r) => new(r.Id, r.Kind, r.Code, r.NameZh, r.NameEn, r.Active);
    }

    public sealed record NewReferenceItem(ReferenceKind Kind, string Code, string NameZh, string NameEn);

    public sealed record ActiveRequest(bool Active);

    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/reference", "Application lists");
        group.MapGet("/", async (ReferenceAdministration reference, CancellationToken ct) =>
                TypedResults.Ok((await reference.ListAsync(ct)).Select(ReferenceItemDto.From).ToList()))
            .WithName("ListReferenceItems").WithSummary("Business scenarios and technologies an application chooses from (retired ones included, marked).");
        group.MapPost("/", Add).WithName("AddReferenceItem").WithSummary("Add a scenario or technology (platform administrators).");
        group.MapPut("/{id:int}/active", SetActive).WithName("SetReferenceItemActive").WithSummary("Retire or restore an entry (platform administrators).");
        return app;
    }

    private static async Task<Results<Created<ReferenceItemDto>, ProblemHttpResult>> Add(NewReferenceItem input, ReferenceAdministration reference, CancellationToken ct)
    {
        var result = await reference.AddAsync(input.Kind, input.Code, input.NameZh, input.NameEn, ct);
        return result.ToHttp(value => TypedResults.Created($"/api/v1/reference/{value.Id}", ReferenceItemDto.From(value)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetActive(int id, ActiveRequest request, ReferenceAdministration reference, CancellationToken ct)
    {
        var result = await reference.SetActiveAsync(id, request.Active, ct);
        return result.ToHttp();
    }
}
