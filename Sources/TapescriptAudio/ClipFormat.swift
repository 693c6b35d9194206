import CSndfile

/// The forms highlight audio is written in, all through libsndfile.
public enum ClipFormat: String, CaseIterable, Sendable {
    /// 16-bit PCM: what every editor opens.
    case wav
    /// Lossless at about half the size of WAV.
    case flac
    /// Ogg Vorbis, for the web.
    case ogg
    /// MPEG layer III (libsndfile's LAME encoder), what podcast hosts take.
    case mp3

    public var fileExtension: String { rawValue }

    var name: String {
        switch self {
        case .wav: return "WAV"
        case .flac: return "FLAC"
        case .ogg: return "Ogg Vorbis"
        case .mp3: return "MP3"
        }
    }

    var libsndfileFormat: Int32 {
        switch self {
        case .wav: return Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
        case .flac: return Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
        case .ogg: return Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
        case .mp3: return Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
        }
    }

    /// libsndfile's 0–1 quality for the lossy encoders: 0.6 is Vorbis's q6 and LAME's VBR V4 or so, clear speech
    /// at a size that mails.
    var encodingQuality: Double? {
        switch self {
        case .wav, .flac: return nil
        case .ogg, .mp3: return 0.6
        }
    }
}
