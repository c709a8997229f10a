using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Disposal;

public static class DisposalSetup
{
    /// <summary>The risk disposal module (风险处置): the contingency plan, cases, their actions and obligations, suspension and resumption.</summary>
    public static IHostApplicationBuilder AddDisposal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ContingencyPlans>();
        builder.Services.AddScoped<DisposalCommands>();
        builder.Services.AddScoped<DisposalQueries>();
        builder.Services.AddScoped<DisposalNotifications>();
        builder.Services.AddScoped<DisposalPublicRecords>();
        builder.Services.AddScoped<DisposalProposals>();
        builder.Services.AddAuditMap<DisposalCaseAuditMap>();
        builder.Services.AddAuditMap<ContingencyPlanAuditMap>();
        builder.Services.AddScoped<IAuthorizationHandler, DisposalAuthorizationHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, ContingencyPlanAuthorizationHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDisposal(this IEndpointRouteBuilder app) => app.MapDisposalApi();
}
