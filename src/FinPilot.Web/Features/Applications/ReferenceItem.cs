namespace FinPilot.Web.Features.Applications;

public enum ReferenceKind
{
    Scenario = 1,
    Technology = 2,

    /// <summary>Business departments (市场一部, 机构部, …) the coordination group asks for opinions.</summary>
    Department = 3,
}

/// <summary>An entry of an admin-maintained list an application chooses from (business scenarios, technologies).</summary>
public sealed class ReferenceItem
{
    public int Id { get; set; }

    public ReferenceKind Kind { get; set; }

    /// <summary>Stable code stored in applications, e.g. <c>investment-advice</c>.</summary>
    public string Code { get; set; } = string.Empty;

    public string NameZh { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public int SortOrder { get; set; }

    /// <summary>Retired entries stay readable in old applications but are no longer offered.</summary>
    public bool Active { get; set; } = true;
}
