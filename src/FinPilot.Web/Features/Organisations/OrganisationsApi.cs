using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Data;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Organisations;

public static class OrganisationsApi
{
    public sealed record OrganisationDto(
        Guid Id, string NameZh, string NameEn, OrganisationType Type, bool Licensed, string CreditCode,
        int RegionId, IReadOnlyList<OrganisationContact> Contacts, Guid Version)
    {
        public static OrganisationDto From(Organisation o) =>
            new(o.Id, o.NameZh, o.NameEn, o.Type, o.Licensed, o.CreditCode, o.RegionId, o.Contacts, o.Version);
    }

    /// <summary>A change carries the <c>version</c> it was made against; a stale one gets 409.</summary>
    public sealed record OrganisationUpdate(
        string NameZh, string NameEn, OrganisationType Type, bool Licensed, string CreditCode, int RegionId,
        IReadOnlyList<OrganisationContact>? Contacts, Guid Version)
    {
        public OrganisationDetails Details => new(NameZh, NameEn, Type, Licensed, CreditCode, RegionId, Contacts);
    }

    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/organisations", "Organisations");
        group.MapGet("/", Search).WithName("SearchOrganisations")
            .WithSummary("Organisations the caller may see, by name (zh or en) or credit code, paged.");
        group.MapGet("/{id:guid}", Get).WithName("GetOrganisation").WithSummary("One organisation.");
        group.MapPost("/", Create).WithName("CreateOrganisation")
            .WithSummary("Register an organisation (administrators; working groups in their own region).");
        group.MapPut("/{id:guid}", Update).WithName("UpdateOrganisation")
            .WithSummary("Change an organisation; send the version you read, a stale one is refused with 409.");
        group.MapGet("/{id:guid}/members", Members).WithName("ListOrganisationMembers")
            .WithSummary("Users who act for the organisation as applicants.");
        return app;
    }

    private static async Task<Ok<Page<OrganisationDto>>> Search(
        string? q, int? regionId, OrganisationType? type, int? page, int? pageSize, OrganisationAdministration organisations, CancellationToken ct)
    {
        var found = await organisations.SearchAsync(new OrganisationQuery(q, regionId, type, page, pageSize), ct);
        return TypedResults.Ok(new Page<OrganisationDto>(found.Items.Select(OrganisationDto.From).ToList(), found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> Get(Guid id, OrganisationAdministration organisations, CancellationToken ct)
    {
        var result = await organisations.GetAsync(id, ct);
        return result.ToHttp(value => TypedResults.Ok(OrganisationDto.From(value)));
    }

    private static async Task<Results<Created<OrganisationDto>, ProblemHttpResult>> Create(OrganisationDetails input, OrganisationAdministration organisations, CancellationToken ct)
    {
        var result = await organisations.CreateAsync(input, ct);
        return result.ToHttp(value => TypedResults.Created($"/api/v1/organisations/{value.Id}", OrganisationDto.From(value)));
    }

    private static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> Update(Guid id, OrganisationUpdate input, OrganisationAdministration organisations, CancellationToken ct)
    {
        var result = await organisations.UpdateAsync(id, input.Details, input.Version, ct);
        return result.ToHttp(value => TypedResults.Ok(OrganisationDto.From(value)));
    }

    private static async Task<Results<Ok<IReadOnlyList<OrganisationMember>>, ProblemHttpResult>> Members(Guid id, OrganisationAdministration organisations, CancellationToken ct)
    {
        var result = await organisations.GetAsync(id, ct);
        if (!result.Succeeded)
        {
            return Problems.From(result.Errors);
        }

        return TypedResults.Ok(await organisations.MembersAsync(id, ct));
    }
}
