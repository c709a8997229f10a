using FinPilot.Web;
using FinPilot.Web.Components;
using FinPilot.Web.Data;
using FinPilot.Web.Features.ApiTokens;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Localization;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Organisations;
using FinPilot.Web.Features.Regions;
using FinPilot.Web.Features.Users;
using FinPilot.Web.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddFinPilotCore();
builder.AddFinPilotSecurity();
builder.AddFinPilotIdentity();
builder.AddFinPilotLocalization();
builder.AddFinPilotApi();
builder.AddFinPilotCalls();
builder.AddFinPilotRegister();
builder.AddFinPilotNotifications();
builder.AddFinPilotApplicationJobs();
builder.AddFinPilotDisclosureJobs();
builder.AddFinPilotLedgerJobs();
builder.Services.AddRazorComponents();

var app = builder.Build();

app.UseFinPilotSecurity();
app.UseFinPilotErrorHandling();
app.UseFinPilotLocalization();
app.UseAuthentication();
app.UseMiddleware<StaffGateMiddleware>();
app.UseAuthorization();
app.UseOutputCache(); // after authentication: only anonymous requests are served from the cache
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>();
app.MapAdditionalIdentityEndpoints();
app.MapCultureSwitch();
app.MapHealth();
app.MapFinPilotApiDocs();
app.MapMeApi();
app.MapRegionsApi();
app.MapOrganisationsApi();
app.MapUsersApi();
app.MapApiTokensApi();
app.MapAuditApi();
app.MapCallsApi();
app.MapCallFeed();
app.MapPilotsApi();
app.MapPilotFeed();
app.MapNotificationsApi();
app.MapCalendarApi();
app.MapApplicationsApi();
app.MapScreeningApi();
app.MapApplicationPageEndpoints();
app.MapReferenceApi();
app.MapEvaluationApi();
app.MapNoticesApi();
app.MapDeliberationApi();
app.MapLedgerApi();

await app.PrepareDatabaseAsync();
app.AnnounceDemo();
await app.RunAsync();

/// <summary>Visible to <c>WebApplicationFactory</c> in the integration and browser tests.</summary>
public partial class Program;
