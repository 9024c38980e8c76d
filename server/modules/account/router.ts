import { createTRPCRouter, protectedProcedure } from "../../api/trpc";
import { ZChangePasswordInput } from "./schema";
import { changeOwnPassword } from "./service";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  changePassword: protectedProcedure.input(ZChangePasswordInput).mutation(({ ctx, input }) => changeOwnPassword(ctx.user, input)),
});
