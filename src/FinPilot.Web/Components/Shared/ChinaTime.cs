namespace FinPilot.Web.Components.Shared;

/// <summary>Every time the platform shows is Beijing time (Asia/Shanghai), whoever is looking.</summary>
public static class ChinaTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm:ss");
}
