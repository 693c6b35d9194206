import CSndfile
import Foundation

/// Serves a file to libsndfile through its virtual I/O interface, with some bytes replaced on the way
/// (see `WaveHeaderRepair`). Reads go straight to the file descriptor; nothing is loaded whole.
final class PatchedFileReader {
    private let descriptor: Int32
    private let repair: WaveHeaderRepair
    private var position: Int64 = 0

    init?(path: String, repair: WaveHeaderRepair) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.repair = repair
    }

    deinit { close(descriptor) }

    /// Callbacks for `sf_open_virtual`; the `user_data` they receive must be this reader, kept alive meanwhile.
    static var callbacks: SF_VIRTUAL_IO {
        SF_VIRTUAL_IO(
            get_filelen: { user in PatchedFileReader.reader(user).repair.fileLength },
            seek: { offset, whence, user in PatchedFileReader.reader(user).seek(offset, whence: whence) },
            read: { buffer, count, user in PatchedFileReader.reader(user).read(into: buffer, count: count) },
            write: { _, _, _ in 0 },
            tell: { user in PatchedFileReader.reader(user).position }
        )
    }

    private static func reader(_ user: UnsafeMutableRawPointer?) -> PatchedFileReader {
        // libsndfile hands back the pointer sf_open_virtual was given: always a PatchedFileReader.
        Unmanaged<PatchedFileReader>.fromOpaque(UnsafeRawPointer(user.unsafelyUnwrapped)).takeUnretainedValue()
    }

    private func seek(_ offset: sf_count_t, whence: Int32) -> sf_count_t {
        switch whence {
        case SEEK_SET: position = offset
        case SEEK_CUR: position += offset
        case SEEK_END: position = repair.fileLength + offset
        default: return -1
        }
        position = max(0, min(position, repair.fileLength))
        return position
    }

    private func read(into buffer: UnsafeMutableRawPointer?, count: sf_count_t) -> sf_count_t {
        guard let buffer, count > 0 else { return 0 }
        let got = pread(descriptor, buffer, Int(count), off_t(position))
        guard got > 0 else { return 0 }
        for patch in repair.patches {
            for (index, byte) in patch.bytes.enumerated() {
                let at = patch.offset + Int64(index) - position
                if at >= 0, at < Int64(got) { buffer.storeBytes(of: byte, toByteOffset: Int(at), as: UInt8.self) }
            }
        }
        position += Int64(got)
        return sf_count_t(got)
    }
}
