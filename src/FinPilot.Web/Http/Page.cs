namespace FinPilot.Web.Http;

/// <summary>One page of a longer list; the same shape for pages and the API.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public static (int Number, int Size) Normalise(int? number, int? size) =>
        (Math.Max(1, number ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));
}
