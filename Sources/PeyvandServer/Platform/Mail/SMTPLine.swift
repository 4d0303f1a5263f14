import NIOCore

/// One line of an SMTP conversation without its CRLF; a line longer than the decoder's limit
/// arrives in pieces with `terminated == false`, so nothing is ever buffered without bound.
struct SMTPLine: Sendable {
    var bytes: ByteBuffer
    var terminated: Bool

    var text: String { String(buffer: bytes) }
}

struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPLine
    let maximumLength: Int

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        if let newline = view.firstIndex(of: 0x0A) {
            let length = newline - view.startIndex
            var line = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            if line.readableBytes > 0, line.getInteger(at: line.writerIndex - 1, as: UInt8.self) == 0x0D {
                line.moveWriterIndex(to: line.writerIndex - 1)
            }
            context.fireChannelRead(wrapInboundOut(SMTPLine(bytes: line, terminated: true)))
            return .continue
        }
        if buffer.readableBytes >= maximumLength {
            let chunk = buffer.readSlice(length: maximumLength)!
            context.fireChannelRead(wrapInboundOut(SMTPLine(bytes: chunk, terminated: false)))
            return .continue
        }
        return .needMoreData
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

/// Closes a connection that stayed silent longer than its `IdleStateHandler` allows, after
/// telling the reader why.
final class SMTPIdleCloser: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.fireErrorCaught(SMTPError.timedOut)
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
