using System.IO.Compression;

namespace FinPilot.Web.Features.Files;

/// <summary>
/// Recognises the kinds of attachment the platform accepts by their bytes, never by their names:
/// a renamed executable is refused whatever it is called.
/// </summary>
public static class FileTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    public static readonly IReadOnlyList<string> Accepted = [Pdf, Docx, Xlsx, Png, Jpeg];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>The content type of a seekable stream, or null when it is none of the accepted kinds.</summary>
    public static string? Detect(Stream content)
    {
        var head = new byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        ReadOnlySpan<byte> h = head.AsSpan(0, read);

        if (h.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (h.StartsWith(PngSignature))
        {
            return Png;
        }

        if (h.StartsWith(JpegSignature))
        {
            return Jpeg;
        }

        return h.StartsWith("PK\u0003\u0004"u8) ? OfficeKind(content) : null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Docx => ".docx",
        Xlsx => ".xlsx",
        Png => ".png",
        Jpeg => ".jpg",
        _ => string.Empty,
    };

    // A ZIP is only an office document if it has the package manifest and the document part.
    private static string? OfficeKind(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? Docx : names.Contains("xl/workbook.xml") ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
