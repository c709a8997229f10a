using FinPilot.Domain.Common;

namespace FinPilot.Domain.Regions;

/// <summary>A pilot region (北京, 上海, …) whose working group runs its own calls and supervision.</summary>
public sealed class Region
{
    public const int MaxNameLength = 100;

    private Region()
    {
    }

    public int Id { get; private set; }

    /// <summary>Short stable code used in addresses and feeds, e.g. "BJ".</summary>
    public string Code { get; private set; } = string.Empty;

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    /// <summary>Approval date as a pilot region (reference fact, shown on public pages).</summary>
    public DateOnly? ApprovedOn { get; private set; }

    public bool Active { get; private set; } = true;

    public static Result<Region> Create(string code, string nameZh, string nameEn, DateOnly? approvedOn)
    {
        var region = new Region();
        var result = region.Update(code, nameZh, nameEn, approvedOn, active: true);
        return result.Succeeded ? region : Result<Region>.Fail([.. result.Errors]);
    }

    public Result Update(string code, string nameZh, string nameEn, DateOnly? approvedOn, bool active)
    {
        var errors = new List<Error>();
        code = (code ?? string.Empty).Trim().ToUpperInvariant();
        if (code.Length is < 2 or > 8 || !code.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add(new Error(RegionErrors.CodeInvalid, nameof(Code)));
        }

        errors.AddRange(Text.Required(nameZh, nameof(NameZh), MaxNameLength));
        errors.AddRange(Text.Required(nameEn, nameof(NameEn), MaxNameLength));
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Code = code;
        NameZh = nameZh.Trim();
        NameEn = nameEn.Trim();
        ApprovedOn = approvedOn;
        Active = active;
        return Result.Ok();
    }
}

public static class RegionErrors
{
    public static readonly ErrorCode CodeInvalid = ErrorCode.Validation("Region.CodeInvalid");
    public static readonly ErrorCode CodeTaken = ErrorCode.Validation("Region.CodeTaken");
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Region.NotFound");
}
