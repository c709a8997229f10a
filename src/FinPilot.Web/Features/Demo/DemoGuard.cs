namespace FinPilot.Web.Features.Demo;

/// <summary>
/// Demo mode seeds accounts whose password is in the README and lifts the staff two-factor rule.
/// Outside Development that is almost certainly a copied setting, so the web host refuses to start
/// unless <see cref="AllowOutsideDevelopmentSetting"/> says, separately, that it is meant.
/// </summary>
public static class DemoGuard
{
    public const string AllowOutsideDevelopmentSetting = DemoOptions.Section + ":AllowOutsideDevelopment";

    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Enabled && !environment.IsDevelopment() && !demo.AllowOutsideDevelopment)
        {
            throw new InvalidOperationException(
                $"Demo mode (Demo:Enabled) is on in the '{environment.EnvironmentName}' environment: its accounts share a published password and staff need no second factor. " +
                $"Turn it off, or set {AllowOutsideDevelopmentSetting}=true if this really is a demonstration instance.");
        }
    }
}
