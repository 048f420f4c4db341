using System.Buffers.Binary;
using System.IO.Compression;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Tests.Rendering;

public class PngWriterTests
{
    [Fact]
    public void The_crc_matches_the_png_specification_for_IEND()
    {
        Assert.Equal(0xAE426082u, PngWriter.Crc32("IEND"u8));
    }

    [Fact]
    public void A_written_png_holds_the_rows_top_first_with_filter_bytes()
    {
        // 2x2: red, green / blue, white.
        byte[] pixels = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255];
        using var stream = new MemoryStream();
        PngWriter.Write(stream, new RgbaImage(2, 2, pixels));
        byte[] png = stream.ToArray();

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        int idatLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        using var zlib = new ZLibStream(new MemoryStream(png, 41, idatLength), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        byte[] expected = [0, .. pixels[..8], 0, .. pixels[8..]];
        Assert.Equal(expected, raw.ToArray());
    }

    [Fact]
    public void Rows_read_back_from_OpenGL_are_flipped_to_top_first()
    {
        byte[] bottomUp = [1, 1, 1, 1, 2, 2, 2, 2];
        var image = RgbaImage.FromBottomUp(1, 2, bottomUp);
        Assert.Equal(2, image[0, 0].R);
        Assert.Equal(1, image[0, 1].R);
    }
}
