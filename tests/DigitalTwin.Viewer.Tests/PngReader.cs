using System.Buffers.Binary;
using System.IO.Compression;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Tests;

/// <summary>Reads back the PNGs <see cref="PngWriter"/> writes (RGBA, 8 bits, filter 0, IDAT chunks); not a general decoder.</summary>
internal static class PngReader
{
    public static RgbaImage Read(string path)
    {
        byte[] png = File.ReadAllBytes(path);
        int offset = 8;
        int width = 0, height = 0;
        using var data = new MemoryStream();
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset + 8));
                height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset + 12));
            }
            else if (type == "IDAT")
            {
                data.Write(png, offset + 8, length);
            }
            offset += 12 + length;
        }
        data.Position = 0;
        using var zlib = new ZLibStream(data, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        byte[] rows = raw.ToArray();
        var pixels = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
        {
            Array.Copy(rows, (y * ((width * 4) + 1)) + 1, pixels, y * width * 4, width * 4);
        }
        return new RgbaImage(width, height, pixels);
    }
}
