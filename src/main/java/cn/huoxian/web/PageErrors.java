package cn.huoxian.web;

import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages answer 404 outside the user's scope and 403 for forbidden writes, with a readable
 * page.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException ex, HttpServletResponse response, Model model) {
		response.setStatus(404);
		model.addAttribute("status", 404);
		model.addAttribute("message", ex.getMessage());
		return "error/problem";
	}

	@ExceptionHandler(ForbiddenException.class)
	String forbidden(ForbiddenException ex, HttpServletResponse response, Model model) {
		response.setStatus(403);
		model.addAttribute("status", 403);
		model.addAttribute("message", ex.getMessage());
		return "error/problem";
	}

	/** Bad input a page does not show beside its form (e.g. an over-long note): 400. */
	@ExceptionHandler(InvalidInputException.class)
	String invalid(InvalidInputException ex, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("status", 400);
		model.addAttribute("message", ex.getMessage());
		return "error/problem";
	}

	@ExceptionHandler(RuleViolationException.class)
	String rule(RuleViolationException ex, HttpServletResponse response, Model model) {
		response.setStatus(422);
		model.addAttribute("status", 422);
		model.addAttribute("message", ex.getMessage());
		return "error/problem";
	}

}
