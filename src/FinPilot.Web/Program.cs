using FinPilot.Web;
using FinPilot.Web.Components;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Localization;
using FinPilot.Web.Http;

var builder = WebApplication.CreateBuilder(args);

// The host: clock, database, keys, security, languages, the API's conventions.
builder.AddFinPilotCore();
builder.AddFinPilotSecurity();
builder.AddFinPilotLocalization();
builder.AddFinPilotApi();
builder.Services.AddRazorComponents();

// The modules, one row each in Modules.cs (Features/<Module>/<Module>Setup.cs); the command
// line's host adds the same list.
builder.AddModules();

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

app.MapModules(); // every module's endpoints, in the order of Modules.cs

await app.PrepareDatabaseAsync();
app.AnnounceDemo();
await app.RunAsync();

/// <summary>Visible to <c>WebApplicationFactory</c> in the integration and browser tests.</summary>
public partial class Program;
