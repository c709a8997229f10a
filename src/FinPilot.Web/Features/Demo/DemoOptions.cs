namespace FinPilot.Web.Features.Demo;

/// <summary>
/// The <c>Demo</c> section. Demo mode seeds sample data with documented passwords and lifts the
/// staff two-factor rule, so it must never be on in production.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>The second, explicit consent to demo mode outside Development (see <see cref="DemoGuard"/>).</summary>
    public bool AllowOutsideDevelopment { get; set; }

    /// <summary>The password every demo account shares (documented in README.md).</summary>
    public string Password { get; set; } = "Demo#2026pilot";
}
