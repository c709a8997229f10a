using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Regions;

public static class RegionsApi
{
    public sealed record RegionDto(int Id, string Code, string NameZh, string NameEn, DateOnly? ApprovedOn, bool Active)
    {
        public static RegionDto From(Region r) => new(r.Id, r.Code, r.NameZh, r.NameEn, r.ApprovedOn, r.Active);
    }

    public static IEndpointRouteBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/regions", "Regions");
        group.MapGet("/", List).WithName("ListRegions").WithSummary("All pilot regions.");
        group.MapGet("/{id:int}", Get).WithName("GetRegion").WithSummary("One pilot region.");
        group.MapPost("/", Create).WithName("CreateRegion").WithSummary("Add a pilot region (platform administrators).");
        group.MapPut("/{id:int}", Update).WithName("UpdateRegion").WithSummary("Change a pilot region (platform administrators).");
        return app;
    }

    private static async Task<Ok<List<RegionDto>>> List(FinPilotDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct)).Select(RegionDto.From).ToList());

    private static async Task<Results<Ok<RegionDto>, ProblemHttpResult>> Get(int id, FinPilotDbContext db, CancellationToken ct) =>
        await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } region
            ? TypedResults.Ok(RegionDto.From(region))
            : Problems.NotFound();

    private static async Task<Results<Created<RegionDto>, ProblemHttpResult>> Create(RegionInput input, RegionAdministration regions, CancellationToken ct)
    {
        var result = await regions.CreateAsync(input, ct);
        return result.ToHttp(value => TypedResults.Created($"/api/v1/regions/{value.Id}", RegionDto.From(value)));
    }

    private static async Task<Results<Ok<RegionDto>, ProblemHttpResult>> Update(int id, RegionInput input, RegionAdministration regions, CancellationToken ct)
    {
        var result = await regions.UpdateAsync(id, input, ct);
        return result.ToHttp(value => TypedResults.Ok(RegionDto.From(value)));
    }
}
