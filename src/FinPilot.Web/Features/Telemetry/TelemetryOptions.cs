namespace FinPilot.Web.Features.Telemetry;

/// <summary>Settings of the <c>Telemetry</c> section: where traces, metrics and logs go. Everything is off unless set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serves the metrics for a Prometheus scrape at <see cref="PrometheusPath"/>.</summary>
    public bool Prometheus { get; set; }

    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// The bearer token a scrape from another machine must send (Prometheus' <c>authorization.credentials</c>).
    /// A scrape from this machine (loopback) needs none; without a token only loopback may scrape.
    /// </summary>
    public string? PrometheusToken { get; set; }

    /// <summary>An OpenTelemetry collector (OTLP, e.g. <c>http://collector:4317</c>) that receives traces, metrics and logs.</summary>
    public string? OtlpEndpoint { get; set; }

    public bool Enabled => Prometheus || !string.IsNullOrWhiteSpace(OtlpEndpoint);
}
