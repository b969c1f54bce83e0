package io.benchsuite.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Test;

/** The probe tells an event loop that holds a channel (probed every 2 ms) from one that holds none (10 ms). */
class IdleLoopProbeTest {

    @Test
    void aLoopHoldsChannelsOnlyOnceOneIsRegistered() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            EventLoop loop = group.next();
            assertFalse(ClientHealthMonitor.holdsChannels(loop));
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {}
                    })
                    .bind("127.0.0.1", 0)
                    .sync()
                    .channel();
            assertTrue(ClientHealthMonitor.holdsChannels(loop));
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS)
                    .sync();
        }
    }
}
