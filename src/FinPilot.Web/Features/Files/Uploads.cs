namespace FinPilot.Web.Features.Files;

/// <summary>What every upload does before it is stored, whichever module receives it.</summary>
public static class Uploads
{
    /// <summary>The longest file name kept (the end is kept, where the extension is).</summary>
    public const int MaxFileNameLength = 200;

    /// <summary>Copies no more than <paramref name="limit"/> bytes, so an endless upload cannot fill the disk.</summary>
    public static async Task CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while (copied < limit && (read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - copied)), cancellationToken)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
        }
    }

    // Names come from other people's computers: keep the last path segment, bounded, without control
    // characters and without invisible format characters (a right-to-left override shows
    // "invoice\u202Efdp.exe" as "invoiceexe.pdf"; zero-width ones make two names look alike).
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = string.Concat(name.EnumerateRunes().Where(IsVisible)).Trim();
        if (name.Length == 0)
        {
            name = "attachment";
        }

        return name.Length <= MaxFileNameLength ? name : name[^MaxFileNameLength..];
    }

    private static bool IsVisible(System.Text.Rune rune) =>
        System.Text.Rune.GetUnicodeCategory(rune) is not (System.Globalization.UnicodeCategory.Control
            or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator);
}
