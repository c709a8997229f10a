using FinPilot.Web;
using FinPilot.Web.Components;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Alerts;
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
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Localization;
using FinPilot.Web.Features.Metrics;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Organisations;
using FinPilot.Web.Features.Probing;
using FinPilot.Web.Features.Regions;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Features.Users;
using FinPilot.Web.Http;

var builder = WebApplication.CreateBuilder(args);

// The host: clock, database, keys, security, languages, the API's conventions.
builder.AddFinPilotCore();
builder.AddFinPilotSecurity();
builder.AddFinPilotLocalization();
builder.AddFinPilotApi();
builder.Services.AddRazorComponents();

// The modules, one line each (Features/<Module>/<Module>Setup.cs).
builder.AddIdentity();
builder.AddRegions();
builder.AddOrganisations();
builder.AddUsers();
builder.AddApiTokens();
builder.AddAudit();
builder.AddCalendar();
builder.AddNotifications();
builder.AddCalls();
builder.AddApplications();
builder.AddEvaluation();
builder.AddDeliberation();
builder.AddDisclosure();
builder.AddLedger();
builder.AddSupervision();
builder.AddObligations();
builder.AddMetrics();
builder.AddAlerts();
builder.AddDemo();
builder.AddIncidents();
builder.AddProbing();

var app = builder.Build();

app.UseFinPilotSecurity();
app.UseFinPilotErrorHandling();
app.UseFinPilotLocalization();
app.UseRouting(); // after the error handlers: a re-executed request (error page, not-found page) is routed anew
app.UseAuthentication();
app.UseMiddleware<DeniedRequestAudit>(); // refused requests (403) into the audit trail
app.UseMiddleware<StaffGateMiddleware>();
app.UseAuthorization();
app.UseOutputCache(); // after authentication: only anonymous requests are served from the cache
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>();
app.MapCultureSwitch();
app.MapHealth();
app.MapFinPilotApiDocs();

app.MapIdentity();
app.MapRegions();
app.MapOrganisations();
app.MapUsers();
app.MapApiTokens();
app.MapAudit();
app.MapCalendar();
app.MapNotifications();
app.MapCalls();
app.MapApplications();
app.MapEvaluation();
app.MapDeliberation();
app.MapDisclosure();
app.MapLedger();
app.MapSupervision();
app.MapObligations();
app.MapMetrics();
app.MapAlerts();
app.MapIncidents();
app.MapProbing();

await app.PrepareDatabaseAsync();
app.AnnounceDemo();
await app.RunAsync();

/// <summary>Visible to <c>WebApplicationFactory</c> in the integration and browser tests.</summary>
public partial class Program;
