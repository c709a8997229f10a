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

    public static string Of(Region? region) => region is null ? string.Empty : Of(region.NameZh, region.NameEn);

    public static string Of(Organisation organisation) => Of(organisation.NameZh, organisation.NameEn);

    /// <summary>One of a name pair in the reader's language; the Chinese one when no English one is kept.</summary>
    public static string Of(string zh, string? en) => Chinese || string.IsNullOrWhiteSpace(en) ? zh : en;

    private static string Lookup(string key, string fallback) =>
        Strings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? fallback;
}
