using System.Globalization;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Regions;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Components.Shared;

/// <summary>Display names of domain values in the current UI language.</summary>
public static class Names
{
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string Of(Role role) => Lookup("Role_" + role, role.ToString());

    public static string Of(OrganisationType type) => Lookup("OrganisationType_" + type, type.ToString());

    public static string Of(Region? region) => region is null ? string.Empty : Chinese ? region.NameZh : region.NameEn;

    public static string Of(Organisation organisation) => Chinese ? organisation.NameZh : organisation.NameEn;

    private static string Lookup(string key, string fallback) =>
        Strings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? fallback;
}
