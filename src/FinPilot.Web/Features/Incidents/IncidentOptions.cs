using FinPilot.Domain.Incidents;
using FinPilot.Domain.Obligations;

namespace FinPilot.Web.Features.Incidents;

/// <summary>
/// The <c>Incidents</c> section: <c>SevereLevel</c> (1–4, default 2: severities I and II are
/// severe) and <c>SevereReportHours</c> (1–720, default <c>Obligations:IncidentReportHours</c>, else 24: a severe incident is reported within
/// that many hours of its detection). Bad values stop the start, with the setting named.
/// </summary>
public static class IncidentOptions
{
    public const string Section = "Incidents";

    public static IncidentPolicy From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var level = section.GetValue("SevereLevel", (int)IncidentSeverity.II);
        // One deadline, whichever section names it: the obligations' setting is the fallback.
        var hours = section.GetValue<int?>("SevereReportHours")
            ?? configuration.GetValue("Obligations:IncidentReportHours", ObligationRules.DefaultIncidentReportHours);
        if (level is < 1 or > 4)
        {
            throw new InvalidOperationException($"{Section}:SevereLevel must be between 1 (I) and 4 (IV).");
        }

        if (hours is < 1 or > 720)
        {
            throw new InvalidOperationException($"{Section}:SevereReportHours must be between 1 and 720.");
        }

        return new IncidentPolicy((IncidentSeverity)level, hours);
    }
}
